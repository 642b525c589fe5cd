package org.echarge.driver.amtron.internal;

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
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.modbus.internal.Rs485TestLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver → RS485 transport (j2mod, jSerialComm) at 57600 8N2 → socat pty pair → {@link ScriptedPeer}, a simulated AMTRON
 * Compact 2.0s on pymodbus at unit 50, in real time.
 */
class AmtronSerialLineTest {

    private static final int UNIT = AmtronChargerDriver.DEFAULT_UNIT_ID;
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
        transport = Rs485TestLine.open(pty.gatewayEnd, // the AMTRON's own 57600 8N2: a pty keeps them
                Map.of("baudRate", 57600, "parity", "NONE", "stopBits", 2, "framing", "RTU",
                        "timeoutMillis", TIMEOUT_MILLIS));
    }

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
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    void chargesPausesAndUnplugsAtTheBoxsLineSettings() throws Exception {
        box = AmtronBox.start(pty.peerEnd, UNIT, "--dip", "16", "--downgrade-a", "8");
        charger = open(AmtronTiming.DEFAULT, UNIT);

        ChargerSnapshot idle = charger.poll();
        assertEquals(PointState.AVAILABLE, idle.state());
        assertEquals("2303014711", idle.serialNumber());
        assertEquals("1.5.3", idle.firmwareVersion());
        assertEquals(27.5, idle.temperatureCelsius(), 1e-9);
        assertEquals(3_033_420, idle.energyWattHour().total(), 1);
        assertEquals("1", box.status().get("heartbeats"));

        box.command("plug 3 32");
        box.command("request");
        ChargerSnapshot plugged = charger.poll();
        assertEquals(PointState.CONNECTED, plugged.state(), "no release and no limit yet: the box offers nothing");
        assertTrue(plugged.vehicleConnected());

        charger.setCurrentLimit(20);
        charger.setPaused(false);
        ChargerSnapshot charging = charger.poll();
        assertEquals(PointState.CHARGE, charging.state());
        assertEquals(16, charging.setpointAmpere(), 1e-9, "the DIP switches allow 16 A");
        assertEquals(16, charging.currentAmpere().l2(), 1e-6);
        assertEquals(3 * 230 * 16, charging.powerWatt().total(), 1e-3);

        charger.setPaused(true);
        ChargerSnapshot paused = charger.poll();
        assertEquals(PointState.CONNECTED, paused.state(), "B1/C1: the release is withdrawn");
        assertFalse(paused.charging());
        assertEquals(0, paused.currentAmpere().total(), 1e-9);
        assertEquals("0", box.status().get("release"));

        charger.setCurrentLimit(10);
        charger.setPaused(false);
        assertEquals(10, charger.poll().currentAmpere().l1(), 1e-6);

        box.command("downgrade on");
        ChargerSnapshot downgraded = charger.poll();
        assertEquals(PointState.CHARGE_REDUCED, downgraded.state());
        assertEquals(8, downgraded.currentAmpere().l1(), 1e-6);
        box.command("downgrade off");
        box.command("ventilation on");
        assertEquals(PointState.CHARGE_VENTILATION, charger.poll().state());

        box.command("unplug");
        ChargerSnapshot gone = charger.poll();
        assertEquals(PointState.AVAILABLE, gone.state());
        assertFalse(gone.vehicleConnected());
    }

    /** The document: a heartbeat at least every 10 s; the box here waits exactly that long, as the real one. */
    @Test
    void pollsAtTheirIntervalKeepTheBoxFromItsFallback() throws Exception {
        box = AmtronBox.start(pty.peerEnd, UNIT);
        charger = open(AmtronTiming.DEFAULT, UNIT);
        charger.poll();
        charger.setCurrentLimit(16);
        charger.setPaused(false);
        box.command("plug 3 16");
        box.command("request");

        long start = System.nanoTime();
        while (System.nanoTime() - start < 12_000_000_000L) { // longer than the box's 10 s
            assertEquals(PointState.CHARGE, charger.poll().state());
            Thread.sleep(AmtronTiming.DEFAULT.pollInterval().toMillis());
        }

        assertEquals(List.of(), box.lines("LAPSED"));
        assertTrue(Integer.parseInt(box.status().get("heartbeats")) >= 6);
    }

    /** Silence longer than the box waits: its fallback (0x030E = 1: pause) until the next heartbeat. */
    @Test
    void aLapsePausesTheBoxAndTheNextPollBringsItBack() throws Exception {
        AmtronTiming fast = new AmtronTiming(Duration.ofMillis(500), Duration.ofSeconds(2), ModbusOptions.DEFAULT);
        box = AmtronBox.start(pty.peerEnd, UNIT, "--heartbeat-timeout-s", "2", "--fallback", "1");
        charger = open(fast, UNIT);
        charger.poll();
        charger.setCurrentLimit(16);
        charger.setPaused(false);
        box.command("plug 1 32");
        box.command("request");
        for (int poll = 0; poll < 6; poll++) { // 3 s, longer than the box waits
            assertEquals(PointState.CHARGE, charger.poll().state());
            Thread.sleep(500);
        }
        assertEquals(List.of(), box.lines("LAPSED"));

        box.await("LAPSED", box.said(), Duration.ofSeconds(4)); // the gateway stops talking
        Map<String, String> lapsed = box.status();
        assertEquals("2", lapsed.get("state"), "paused by the fallback");
        assertEquals("0.0", lapsed.get("current"));

        ChargerSnapshot back = charger.poll();
        assertEquals(PointState.CHARGE, back.state(), "the heartbeat goes out first and ends the fallback");
        assertEquals(16, back.currentAmpere().l1(), 1e-6);
        assertEquals(1, box.lines("RECOVERED").size());
    }

    /** evcc PR 20579: a restarted box shows 6 until limit and release are written again. */
    @Test
    void aRestartedBoxIsSetUpAgain() throws Exception {
        box = AmtronBox.start(pty.peerEnd, UNIT);
        charger = open(AmtronTiming.DEFAULT, UNIT);
        charger.poll();
        charger.setCurrentLimit(12);
        charger.setPaused(false);
        box.command("plug 3 32");
        box.command("request");
        assertEquals(PointState.CHARGE, charger.poll().state());

        box.command("reboot");
        ChargerSnapshot restarted = charger.poll();

        assertEquals(PointState.ERROR, restarted.state());
        assertEquals(List.of(), restarted.errorCodes(), "no error code: only the reset is missing");
        Map<String, String> set = box.status();
        assertEquals("12.0", set.get("em"));
        assertEquals("1", set.get("release"));
        ChargerSnapshot back = charger.poll();
        assertEquals(PointState.CHARGE, back.state());
        assertEquals(12, back.currentAmpere().l3(), 1e-6);
        assertEquals(1, box.lines("RESET").size());
    }

    @Test
    void aRealErrorIsReportedWithTheMakersCode() throws Exception {
        box = AmtronBox.start(pty.peerEnd, UNIT);
        charger = open(AmtronTiming.DEFAULT, UNIT);
        charger.poll();

        box.command("error 0x0123");
        ChargerSnapshot error = charger.poll();
        assertEquals(PointState.ERROR, error.state());
        assertEquals(List.of(0x0123L), error.errorCodes());

        box.command("error off");
        box.command("service on");
        assertEquals(PointState.NOT_AVAILABLE, charger.poll().state());
    }

    @Test
    void aSilentBoxIsNotReachableAndIsCheckedAgainWhenItAnswers() throws Exception {
        box = AmtronBox.start(pty.peerEnd, UNIT);
        charger = open(AmtronTiming.DEFAULT, UNIT);
        charger.poll();

        box.command("silent on");
        DeviceException silent = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.NOT_REACHABLE, silent.kind());
        assertTrue(silent.getMessage().contains("AMTRON modbus_rtu/50 writing 21930 to 0x0D00 (heartbeat)"),
                silent.getMessage());

        box.command("silent off");
        assertEquals(PointState.AVAILABLE, charger.poll().state());

        try (Charger nobody = open(AmtronTiming.DEFAULT, UNIT + 1)) {
            assertEquals(Kind.NOT_REACHABLE, assertThrows(DeviceException.class, nobody::poll).kind());
        }
    }

    @Test
    void exceptionResponsesAreCommunicationFaults() throws Exception {
        box = AmtronBox.start(pty.peerEnd, UNIT);
        charger = open(AmtronTiming.DEFAULT, UNIT);
        charger.poll();

        box.command("fail 3 0x0100 4");
        DeviceException read = assertThrows(DeviceException.class, charger::poll);
        assertEquals(Kind.COMMUNICATION, read.kind());
        assertEquals(4, ((ModbusException) read).exceptionCode());

        box.command("heal");
        assertEquals(PointState.AVAILABLE, charger.poll().state());

        box.command("fail 16 0x0302 6");
        DeviceException write = assertThrows(DeviceException.class, () -> charger.setCurrentLimit(16));
        assertEquals(Kind.COMMUNICATION, write.kind());
        assertEquals(6, ((ModbusException) write).exceptionCode());
        assertTrue(write.getMessage().contains("writing 16.0 A to 0x0302"), write.getMessage());
    }

    @Test
    void anotherRegisterLayoutIsTheWrongDeviceAndIsLeftAlone() throws Exception {
        box = AmtronBox.start(pty.peerEnd, UNIT, "--layout", "0x0204");
        charger = open(AmtronTiming.DEFAULT, UNIT);

        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, charger::poll).kind());
        assertEquals(Kind.WRONG_DEVICE, assertThrows(DeviceException.class, () -> charger.setPaused(false)).kind());

        Map<String, String> untouched = box.status();
        assertEquals("0", untouched.get("heartbeats"));
        assertEquals("0", untouched.get("release"));
        assertEquals("0.0", untouched.get("em"));
    }

    @Test
    void anOlderLayoutIsReadOnlyAsFarAsItGoes() throws Exception {
        box = AmtronBox.start(pty.peerEnd, UNIT, "--layout", "0x0100");
        charger = open(AmtronTiming.DEFAULT, UNIT);

        ChargerSnapshot snapshot = charger.poll();

        assertEquals(PointState.AVAILABLE, snapshot.state());
        assertEquals("1.5.3", snapshot.firmwareVersion());
        assertNull(snapshot.serialNumber(), "no serial number before layout 1.0.2");
        assertTrue(Double.isNaN(snapshot.energyWattHour().total()), "no energy counter before layout 1.0.2");
        assertTrue(Double.isNaN(snapshot.temperatureCelsius()));
        assertEquals(0, snapshot.currentAmpere().total(), 1e-9);
    }

    private Charger open(AmtronTiming timing, int unit) throws DeviceException {
        return new AmtronChargerDriver(transport, Clock.systemUTC(), timing)
                .open("mennekes-amtron-compact", new DeviceAddress(Transport.MODBUS_RTU, "", 0, unit));
    }
}
