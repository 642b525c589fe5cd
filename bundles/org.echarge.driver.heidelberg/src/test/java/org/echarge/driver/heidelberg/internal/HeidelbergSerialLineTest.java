package org.echarge.driver.heidelberg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.echarge.testsupport.ScriptedPeer;
import org.echarge.testsupport.SocatPty;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.modbus.ModbusException;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.modbus.internal.Rs485TestLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver → RS485 transport (j2mod, jSerialComm) → socat pty pair → {@link ScriptedPeer}, a simulated Energy
 * Control on pymodbus, in real time. The box drops requests that come less than 90 ms after its last answer
 * (TOO_FAST); every test ends with none of them.
 */
class HeidelbergSerialLineTest {

    private static final int UNIT = 3;
    private static final int TIMEOUT_MILLIS = 500;

    @TempDir
    Path dir;
    private SocatPty pty;
    private ScriptedPeer box;
    private ModbusTransportService transport;
    private Charger charger;

    @BeforeEach
    void line() throws Exception {
        SocatPty.assumeInstalled();
        pty = SocatPty.start(dir);
        transport = Rs485TestLine.open(pty.gatewayEnd, // RTU 19200 8N1 (the Energy Control uses 8E1)
                Map.of("parity", "NONE", "framing", "RTU", "timeoutMillis", TIMEOUT_MILLIS));
    }

    @AfterEach
    void stop() {
        List<String> tooFast = box == null ? List.of() : box.lines("TOO_FAST");
        if (charger != null) {
            charger.close();
        }
        if (transport != null) {
            Rs485TestLine.close(transport);
        }
        if (box != null) {
            box.close();
        }
        if (pty != null) {
            pty.close();
        }
        assertEquals(List.of(), tooFast, "requests closer than the box allows");
    }

    @Test
    void preparesTheBoxThenChargesAndPausesIt() throws Exception {
        box = HeidelbergBox.start(pty.peerEnd, UNIT, "--hw-max", "13", "--standby-after-s", "2");
        charger = open(HeidelbergTiming.DEFAULT, UNIT);

        ChargerSnapshot idle = charger.poll();
        assertEquals(PointState.AVAILABLE, idle.state());
        assertEquals("EC-11KW-4711 SN 190012345", idle.serialNumber());
        assertEquals("263", idle.firmwareVersion());
        assertEquals(25.1, idle.temperatureCelsius(), 1e-9);
        Map<String, String> prepared = box.status();
        assertEquals("4", prepared.get("258"), "standby off");
        assertEquals("15000", prepared.get("257"), "watchdog");
        Thread.sleep(2_200); // idle for longer than the box's standby delay: it would stop answering with standby on
        assertEquals(PointState.AVAILABLE, charger.poll().state());
        assertTrue(box.lines("STANDBY").isEmpty());

        charger.setCurrentLimit(16);
        box.command("plug 3 16");
        box.command("request");
        ChargerSnapshot charging = charger.poll();
        assertEquals(PointState.CHARGE, charging.state());
        assertTrue(charging.vehicleConnected());
        assertEquals(13, charging.setpointAmpere(), 1e-9, "the DIP switches allow 13 A");
        assertEquals(13, charging.currentAmpere().l2(), 1e-9);
        assertEquals(3 * 230 * 13, charging.powerWatt().total(), 1e-9);
        assertTrue(charging.energyWattHour().total() >= 3_615_000, charging.energyWattHour().toString());

        charger.setCurrentLimit(0);
        ChargerSnapshot paused = charger.poll();
        assertEquals(PointState.CONNECTED, paused.state(), "C1: the car asks, the box offers nothing");
        assertFalse(paused.charging());
        assertEquals(0, paused.currentAmpere().total(), 1e-9);

        box.command("unplug");
        assertFalse(charger.poll().vehicleConnected());
    }

    /** The reference's watchdog: silence longer than 257 -> F; back about 10 s after requests resume. */
    @Test
    void pollsKeepTheWatchdogFedAndALapseIsRepairedAfterTheBoxRecovers() throws Exception {
        HeidelbergTiming fast = new HeidelbergTiming(Duration.ofMillis(500), Duration.ofMillis(1_500),
                HeidelbergTiming.DEFAULT.modbus());
        box = HeidelbergBox.start(pty.peerEnd, UNIT);
        charger = open(fast, UNIT);
        charger.poll();
        assertEquals("1500", box.status().get("257"));
        charger.setCurrentLimit(10);
        box.command("plug 1 16");
        box.command("request");

        for (int poll = 0; poll < 6; poll++) { // about 4.5 s, three times the watchdog
            assertEquals(PointState.CHARGE, charger.poll().state());
            Thread.sleep(500);
        }
        assertEquals(List.of(), box.lines("LAPSED"));

        int said = box.said(); // the gateway stops talking
        box.await("LAPSED", said, Duration.ofSeconds(3));
        assertEquals("0", box.status().get("261"), "the failsafe current");
        long resumed = System.nanoTime();
        ChargerSnapshot inF = charger.poll();
        assertEquals(PointState.ERROR, inF.state());
        assertEquals(List.of(10L), inF.errorCodes(), "F");
        assertTrue(inF.vehicleConnected());
        assertEquals(10, inF.setpointAmpere(), 1e-9);
        assertEquals("100", box.status().get("261"), "the driver wrote its limit again");

        ChargerSnapshot snapshot = inF;
        while (snapshot.state() != PointState.CHARGE && System.nanoTime() - resumed < 15_000_000_000L) {
            Thread.sleep(500);
            snapshot = charger.poll();
        }
        double recoverySeconds = (System.nanoTime() - resumed) / 1e9;
        assertEquals(PointState.CHARGE, snapshot.state());
        assertTrue(recoverySeconds >= 9.5 && recoverySeconds < 14, "back after " + recoverySeconds + " s");
        assertEquals(10, snapshot.currentAmpere().l1(), 1e-9);
        assertEquals(1, box.lines("LAPSED").size());
        assertEquals(1, box.lines("RECOVERED").size());
    }

    @Test
    void aSilentBoxIsNotReachableAndIsCheckedAgainWhenItAnswers() throws Exception {
        box = HeidelbergBox.start(pty.peerEnd, UNIT);
        charger = open(HeidelbergTiming.DEFAULT, UNIT);
        charger.poll();

        box.command("silent on");
        DeviceException silent = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.NOT_REACHABLE, silent.kind());
        assertTrue(silent.getMessage().contains("Energy Control modbus_rtu/3 reading 5..18"), silent.getMessage());

        box.command("silent off");
        assertEquals(PointState.AVAILABLE, charger.poll().state());

        try (Charger nobody = open(HeidelbergTiming.DEFAULT, UNIT + 1)) {
            assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, nobody::poll).kind());
        }
    }

    @Test
    void exceptionResponsesAreCommunicationFaults() throws Exception {
        box = HeidelbergBox.start(pty.peerEnd, UNIT);
        charger = open(HeidelbergTiming.DEFAULT, UNIT);
        charger.poll();

        box.command("fail 4 5 4");
        DeviceException read = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.COMMUNICATION, read.kind());
        assertEquals(4, ((ModbusException) read).exceptionCode());

        box.command("heal");
        assertEquals(PointState.AVAILABLE, charger.poll().state());

        box.command("fail 16 261 6");
        DeviceException write = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
        assertEquals(Kind.COMMUNICATION, write.kind());
        assertEquals(6, ((ModbusException) write).exceptionCode());
        assertTrue(write.getMessage().contains("writing 160 to 261"), write.getMessage());
    }

    @Test
    void anotherRegisterLayoutIsTheWrongDeviceAndIsLeftAlone() throws Exception {
        box = HeidelbergBox.start(pty.peerEnd, UNIT, "--layout", "0x0204");
        charger = open(HeidelbergTiming.DEFAULT, UNIT);

        DeviceException e = assertThrows(DeviceException.class, charger::poll);

        assertEquals(Kind.WRONG_DEVICE, e.kind());
        Map<String, String> untouched = box.status();
        assertEquals("0", untouched.get("258"));
        assertEquals("15000", untouched.get("257"));
    }

    @Test
    void anOlderLayoutIsReadOnlyAsFarAsItGoes() throws Exception {
        box = HeidelbergBox.start(pty.peerEnd, UNIT, "--layout", "0x0104");
        charger = open(HeidelbergTiming.DEFAULT, UNIT);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.AVAILABLE, snapshot.state());
        assertEquals(0, snapshot.powerWatt().total(), 1e-9);
        assertTrue(Double.isNaN(snapshot.energyWattHour().total()), "no energy counter before layout 1.0.7");
        assertNull(snapshot.firmwareVersion(), "no software version before layout 1.0.5");
    }

    private Charger open(HeidelbergTiming timing, int unit) throws DeviceException {
        return new HeidelbergChargerDriver(transport, Clock.systemUTC(), timing)
                .open("heidelberg-energy-control", new DeviceAddress(Transport.MODBUS_RTU, "", 0, unit));
    }
}
