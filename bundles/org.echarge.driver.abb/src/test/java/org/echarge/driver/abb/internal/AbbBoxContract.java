package org.echarge.driver.abb.internal;

import org.echarge.testsupport.ScriptedPeer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.modbus.internal.Rs485TestLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver → the real Modbus transport → {@link ScriptedPeer}, a simulated Terra AC on pymodbus, in real time; once over
 * Modbus TCP on 127.0.0.1 ({@link AbbTcpLoopbackTest}) and once over Modbus RTU on a socat pty pair
 * ({@link AbbSerialLineTest}): the box's map and behaviour are the same on both.
 */
abstract class AbbBoxContract {

    /** Polls every 0.5 s, a communication timeout of 2 s, answers within 0.5 s: the real rules, faster. */
    static final AbbTiming FAST = new AbbTiming(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2),
            new ModbusOptions(Duration.ofMillis(500), Duration.ZERO));

    @TempDir
    Path dir;
    ModbusTransportService transport;
    ScriptedPeer box;
    private Charger charger;

    /** Starts the box at the address {@link #address()} names; options as in the script. */
    abstract ScriptedPeer startBox(String... options) throws Exception;

    abstract DeviceAddress address();

    @AfterEach
    void stop() {
        if (charger != null) {
            charger.close();
        }
        if (transport != null) {
            Rs485TestLine.close(transport);
        }
        if (box != null) {
            box.close();
        }
    }

    @Test
    void readsTheBoxThenChargesPausesAndStops() throws Exception {
        box = startBox("--max-a", "16");
        Charger abb = open();

        ChargerSnapshot idle = abb.poll();
        assertEquals(PointState.AVAILABLE, idle.state());
        assertFalse(idle.vehicleConnected());
        assertEquals("TACW22-4-4920-T0025", idle.serialNumber());
        assertEquals("1.8.32", idle.firmwareVersion());
        assertEquals("60", box.status().get("4106"), "60 s is long enough: left alone");

        abb.setCurrentLimit(32);
        assertEquals("16000", box.status().get("4100"), "no more than the box allows (4006h)");
        box.command("plug 3 32");
        box.command("request");
        ChargerSnapshot charging = abb.poll();
        assertEquals(PointState.CHARGE, charging.state(), "at the value written: not 'reduced'");
        assertTrue(charging.vehicleConnected());
        assertEquals(16, charging.setpointAmpere(), 1e-9);
        assertEquals(16, charging.currentAmpere().l2(), 1e-9);
        assertEquals(3 * 230 * 16, charging.powerWatt().total(), 1e-9);

        abb.setCurrentLimit(0);
        ChargerSnapshot paused = abb.poll();
        assertEquals(PointState.INTERRUPTION, paused.state(), "C1: the car asks, the box offers nothing");
        assertFalse(paused.charging());
        assertEquals(0, paused.currentAmpere().total(), 1e-9);

        abb.setCurrentLimit(10);
        assertEquals(10, abb.poll().currentAmpere().l1(), 1e-9);
        box.command("derate 8");
        ChargerSnapshot derated = abb.poll();
        assertEquals(PointState.CHARGE_REDUCED, derated.state());
        assertEquals(8, derated.setpointAmpere(), 1e-9);
        box.command("derate off");
        Thread.sleep(1_000);
        assertTrue(abb.poll().sessionEnergyWattHour() >= 1, "about 2 Wh by now");

        DeviceException during = assertThrows(DeviceException.class, abb::unlock);
        assertEquals(Kind.NOT_SUPPORTED, during.kind());
        abb.setSessionActive(false);
        ChargerSnapshot stopped = abb.poll();
        assertEquals(PointState.CONNECTED, stopped.state(), "state 5 with the car still plugged in");
        assertEquals(0x0111, Integer.decode(box.status().get("lock")), "still locked at the station");
        abb.unlock();
        assertEquals(0x0101, Integer.decode(box.status().get("lock")));

        box.command("unplug");
        ChargerSnapshot gone = abb.poll();
        assertEquals(PointState.AVAILABLE, gone.state());
        assertFalse(gone.vehicleConnected());
    }

    /** The reference's supervision: no read within 4106h s -> error, charging stops; polls are those reads. */
    @Test
    void pollsFeedTheSupervisionAndAfterALapseTheLimitIsWrittenAgain() throws Exception {
        box = startBox("--timeout-s", "1", "--min-timeout-s", "1");
        Charger abb = open();
        abb.poll();
        assertEquals("2", box.status().get("4106"), "raised to the driver's 2 s");
        abb.setCurrentLimit(16);
        box.command("plug 1 16");
        box.command("request");

        for (int poll = 0; poll < 6; poll++) { // 3 s, one and a half times the timeout
            assertEquals(PointState.CHARGE, abb.poll().state());
            Thread.sleep(500);
        }
        assertEquals(List.of(), box.lines("LAPSED"));

        box.await("LAPSED", box.said(), Duration.ofSeconds(4)); // the gateway stops reading
        Map<String, String> lapsed = box.status();
        assertEquals("5", lapsed.get("state"));
        assertEquals("0", lapsed.get("limit"), "charging stopped");
        ChargerSnapshot lost = abb.poll();
        assertEquals(PointState.ERROR, lost.state());
        assertEquals(List.of(0x4000L), lost.errorCodes(), "Modbus communication lost");
        assertTrue(lost.vehicleConnected());
        box.await("RECOVERED", 0, Duration.ofSeconds(2)); // that poll wrote the limit again

        ChargerSnapshot back = abb.poll();
        assertEquals(PointState.CHARGE, back.state());
        assertEquals(16, back.currentAmpere().l1(), 1e-9);
        assertEquals(1, box.lines("LAPSED").size());
        assertEquals(1, box.lines("RECOVERED").size());
    }

    @Test
    void notReachableUntilTheBoxAnswersAndWhileItIsSilent() throws Exception {
        Charger abb = open();
        assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, abb::poll).kind());

        box = startBox();
        Thread.sleep(1_100); // Modbus TCP: the transport waits out its first reconnect back-off (1 s)
        assertEquals(PointState.AVAILABLE, abb.poll().state());

        box.command("silent on");
        DeviceException silent = assertThrows(DeviceException.class, abb::poll);
        assertEquals(Kind.NOT_REACHABLE, silent.kind());
        assertTrue(silent.getMessage().contains("Terra AC " + address() + " reading 4008h..401Fh"), silent.getMessage());

        box.command("silent off");
        ChargerSnapshot back = abb.poll();
        assertEquals(PointState.AVAILABLE, back.state());
        assertEquals("TACW22-4-4920-T0025", back.serialNumber(), "checked again after the outage");
    }

    @Test
    void exceptionResponsesAreCommunicationFaults() throws Exception {
        box = startBox();
        Charger abb = open();
        abb.poll();

        box.command("fail 3 0x400C 4");
        DeviceException read = assertThrows(DeviceException.class, abb::poll);
        assertEquals(Kind.COMMUNICATION, read.kind());
        assertEquals(4, ((ModbusException) read).exceptionCode());

        box.command("heal");
        assertEquals(PointState.AVAILABLE, abb.poll().state());

        box.command("fail 16 0x4100 6");
        DeviceException write = assertThrows(DeviceException.class, () -> abb.setCurrentLimit(16));
        assertEquals(Kind.COMMUNICATION, write.kind());
        assertEquals(6, ((ModbusException) write).exceptionCode());
        assertTrue(write.getMessage().contains("writing 16000 mA to 4100h"), write.getMessage());
    }

    @Test
    void anotherDeviceIsTheWrongDeviceAndIsLeftAlone() throws Exception {
        box = startBox("--serial-number", "4142422042323300", "--timeout-s", "1", "--min-timeout-s", "1");
        Charger abb = open();

        DeviceException e = assertThrows(DeviceException.class, abb::poll);

        assertEquals(Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("4142 4220 4232 3300"), e.getMessage());
        Map<String, String> untouched = box.status();
        assertEquals("1", untouched.get("4106"));
        assertEquals("32000", untouched.get("4100"));
    }

    Charger open() throws DeviceException {
        charger = new AbbChargerDriver(transport, Clock.systemUTC(), FAST).open("abb-terra-ac", address());
        return charger;
    }
}
