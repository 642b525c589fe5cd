package org.echarge.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.echarge.testsupport.FreePort;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/** A station over real Modbus TCP on 127.0.0.1, with j2mod's master as the client. */
class StationServerModbusTest {

    private static final int UNIT = 7;

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final int port = FreePort.onLoopback();
    private final StationServer station = new StationServer(clock, port, UNIT, 3, 32, 15, "SIM1-TCP-0001");
    private ModbusTCPMaster master;

    @AfterEach
    void stop() {
        if (master != null) {
            master.disconnect();
        }
        station.close();
    }

    @Test
    void identityAndChargingOverModbus() throws Exception {
        station.open();
        connect();

        int[] words = inputs(0, 50);
        assertEquals(0xEC01, words[0]);
        assertEquals(1, words[1]);
        assertEquals("SIM1-TCP-0001", ascii(words, 2, 10));
        assertEquals("SIM1 1.0.0", ascii(words, 12, 8));
        assertEquals(1, words[20], "state A");

        station.plugIn(new Vehicle("car", 32, 3, 40_000, false, 0x04A2B1C3L, "0A1B2C3D4E5F"));
        assertEquals(2, inputs(20, 1)[0], "state B: no limit yet");
        assertEquals(160, master.writeSingleRegister(UNIT, 100, new SimpleRegister(160)));
        words = inputs(0, 50);
        assertEquals(3, words[20], "state C");
        assertEquals(1, words[21], "charging");
        assertEquals(160, words[23]);
        assertEquals(15200, words[24]);
        assertEquals(15200, words[26]);
        assertEquals(0x04A2B1C3L, ((long) words[40] << 16) | words[41]);
        assertEquals("0A1B2C3D4E5F", ascii(words, 42, 8));

        master.writeSingleRegister(UNIT, 102, new SimpleRegister(0));
        clock.advance(Duration.ofHours(1));
        words = inputs(35, 4);
        long energy = ((long) words[0] << 16) | words[1];
        assertEquals(3 * 230 * 15.2, energy, 3 * 230 * 15.2 * 0.01);

        master.writeMultipleRegisters(UNIT, 100, new Register[] {new SimpleRegister(320), new SimpleRegister(0)});
        words = inputs(20, 5);
        assertEquals(2, words[0], "paused: state B");
        assertEquals(2, words[1], "paused: status");
        assertEquals(320, holding(100));
    }

    /**
     * j2mod's slave cannot answer exception 3 (README): the station ignores a refused value, the
     * echo of function 6 and a read-back show the unchanged register.
     */
    @Test
    void refusedValuesChangeNothingAndShowInTheEchoAndTheReadBack() throws Exception {
        station.open();
        connect();
        station.plugIn(new Vehicle("car", 32, 3, 40_000, false, 0, ""));
        master.writeSingleRegister(UNIT, 100, new SimpleRegister(160));

        assertEquals(160, master.writeSingleRegister(UNIT, 100, new SimpleRegister(50)));
        assertEquals(160, master.writeSingleRegister(UNIT, 100, new SimpleRegister(321)));
        assertEquals(160, holding(100));
        assertEquals(160, inputs(23, 1)[0]);

        assertEquals(0, master.writeSingleRegister(UNIT, 104, new SimpleRegister(1)), "unlock while charging");
        master.writeSingleRegister(UNIT, 101, new SimpleRegister(0));
        assertEquals(1, master.writeSingleRegister(UNIT, 104, new SimpleRegister(1)), "unlock while paused");
    }

    @Test
    void addressesOutsideTheMapAnswerException2() throws Exception {
        station.open();
        connect();
        assertEquals(2, exceptionCode(() -> master.readInputRegisters(UNIT, 45, 6)));
        assertEquals(2, exceptionCode(() -> master.readMultipleRegisters(UNIT, 0, 1)));
        assertEquals(2, exceptionCode(() -> master.readMultipleRegisters(UNIT, 100, 6)));
        assertEquals(2, exceptionCode(() -> master.writeSingleRegister(UNIT, 105, new SimpleRegister(1))));
        assertEquals(2, exceptionCode(() -> master.readInputRegisters(UNIT + 1, 0, 1)), "another unit id");
        assertEquals(5, master.readMultipleRegisters(UNIT, 100, 5).length);
    }

    @Test
    void watchdogOverModbus() throws Exception {
        station.open();
        connect();
        station.plugIn(new Vehicle("car", 32, 3, 40_000, false, 0, ""));
        master.writeSingleRegister(UNIT, 100, new SimpleRegister(320));
        clock.advance(Duration.ofSeconds(15));

        int[] words = inputs(20, 5);
        assertEquals(3, words[1], "status fail-safe");
        assertEquals(60, words[3]);
        assertEquals(5700, words[4]);

        master.writeSingleRegister(UNIT, 100, new SimpleRegister(320));
        words = inputs(20, 5);
        assertEquals(1, words[1]);
        assertEquals(320, words[3]);
    }

    @Test
    void stopAndStartAgainOnTheSamePort() throws Exception {
        station.open();
        connect();
        assertEquals(0xEC01, inputs(0, 1)[0]);
        master.disconnect();

        station.close();
        station.close();
        assertThrows(Exception.class, this::connectAndRead, "nobody listens after close");

        station.open();
        assertEquals(0xEC01, connectAndRead());

        try (StationServer other = new StationServer(clock, port, UNIT, 1, 16, 15, "SIM1-OTHER")) {
            assertThrows(ModbusException.class, other::open, "the port is taken");
        }
        assertEquals(0xEC01, connectAndRead(), "the first station still serves");
        station.close();

        StationServer successor = new StationServer(clock, port, UNIT, 1, 16, 15, "SIM1-SUCCESSOR");
        try {
            successor.open();
            assertEquals("SIM1-SUCCESSOR", ascii(connectAndReadAll(), 2, 10));
        } finally {
            successor.close();
        }
    }

    @Test
    void faultShowsAsStateFAndStatusError() throws Exception {
        station.open();
        connect();
        station.fault(12);
        int[] words = inputs(20, 3);
        assertEquals(6, words[0]);
        assertEquals(4, words[1]);
        assertEquals(12, words[2]);
    }

    private void connect() throws Exception {
        master = new ModbusTCPMaster("127.0.0.1", port, 2000, false);
        master.setRetries(1);
        master.connect();
    }

    private int connectAndRead() throws Exception {
        return connectAndReadAll()[0];
    }

    private int[] connectAndReadAll() throws Exception {
        if (master != null) {
            master.disconnect();
        }
        connect();
        return inputs(0, 50);
    }

    private int[] inputs(int address, int count) throws ModbusException {
        InputRegister[] registers = master.readInputRegisters(UNIT, address, count);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = registers[i].toUnsignedShort();
        }
        return words;
    }

    private int holding(int address) throws ModbusException {
        return master.readMultipleRegisters(UNIT, address, 1)[0].toUnsignedShort();
    }

    private static int exceptionCode(ModbusCall call) {
        ModbusSlaveException e = assertThrows(ModbusSlaveException.class, call::run);
        return e.getType();
    }

    private static String ascii(int[] words, int from, int count) {
        byte[] bytes = new byte[2 * count];
        for (int i = 0; i < count; i++) {
            bytes[2 * i] = (byte) (words[from + i] >>> 8);
            bytes[2 * i + 1] = (byte) words[from + i];
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int end = text.indexOf('\0');
        return end < 0 ? text : text.substring(0, end);
    }

    @FunctionalInterface
    private interface ModbusCall {
        void run() throws Exception;
    }
}
