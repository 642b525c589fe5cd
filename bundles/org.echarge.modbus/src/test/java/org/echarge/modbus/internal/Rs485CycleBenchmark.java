package org.echarge.modbus.internal;

import org.echarge.testsupport.SocatPty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.echarge.api.DeviceAddress;
import org.echarge.api.Transport;
import org.echarge.modbus.ModbusClient;
import org.echarge.modbus.ModbusOptions;

/**
 * Benchmark (not a test; run by scripts/bench-rs485): five RTU chargers and five meters on one
 * RS485 line, a socat pty pair with pymodbus answering for all ten, every answer delayed by the
 * time request and answer take on the wire at 19200 baud. Each cycle polls every device once, as
 * the charging point runtime does from its four poll threads, with the requests the drivers make:
 * a charger (Heidelberg pattern) two reads, 14 input registers and 1 holding register; a meter
 * (SDM630 pattern) four block reads of 12, 6, 2 and 2 input registers. Prints the cycle time.
 */
public final class Rs485CycleBenchmark {

    private static final int BAUD = 19200;
    private static final int CYCLES = 40;

    private Rs485CycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("rs485-bench");
        try (SocatPty pty = SocatPty.start(dir);
                PymodbusPeer peer = PymodbusPeer.start(pty.peerEnd, "rtu", "1,2,3,4,5,11,12,13,14,15", "", BAUD)) {
            ModbusTransportService transport = new ModbusTransportService();
            transport.configure(ConfigAnnotations.rs485("portPath", pty.gatewayEnd.toString(), "parity", "NONE",
                    "framing", "RTU", "baudRate", BAUD));
            List<ModbusClient> chargers = new ArrayList<>();
            List<ModbusClient> meters = new ArrayList<>();
            for (int unit = 1; unit <= 5; unit++) {
                chargers.add(transport.open(new DeviceAddress(Transport.MODBUS_RTU, "", 0, unit), ModbusOptions.DEFAULT));
                meters.add(transport.open(new DeviceAddress(Transport.MODBUS_RTU, "", 0, 10 + unit),
                        ModbusOptions.DEFAULT));
            }
            ExecutorService pollers = Executors.newFixedThreadPool(4); // as the runtime's PollScheduler
            List<Double> cycles = new ArrayList<>();
            for (int cycle = 0; cycle < CYCLES + 3; cycle++) {
                long start = System.nanoTime();
                List<Future<?>> polls = new ArrayList<>();
                for (ModbusClient charger : chargers) {
                    polls.add(pollers.submit(() -> {
                        charger.readInputRegisters(4, 14);
                        charger.readHoldingRegisters(61, 1);
                        return null;
                    }));
                }
                for (ModbusClient meter : meters) {
                    polls.add(pollers.submit(() -> {
                        meter.readInputRegisters(0, 12);
                        meter.readInputRegisters(12, 6);
                        meter.readInputRegisters(52, 2);
                        meter.readInputRegisters(72, 2);
                        return null;
                    }));
                }
                for (Future<?> poll : polls) {
                    poll.get();
                }
                if (cycle >= 3) { // the first cycles open the port and warm up
                    cycles.add((System.nanoTime() - start) / 1e6);
                }
            }
            pollers.shutdown();
            transport.deactivate();
            cycles.sort(null);
            System.out.printf("RS485 line, 19200 baud wire timing, 5 chargers + 5 meters (30 requests per cycle):"
                    + " cycle time median %.0f ms, p95 %.0f ms, max %.0f ms over %d cycles%n",
                    cycles.get(cycles.size() / 2), cycles.get((int) (cycles.size() * 0.95)),
                    cycles.get(cycles.size() - 1), cycles.size());
        }
    }
}
