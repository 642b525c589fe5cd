package org.echarge.driver.abl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.echarge.testsupport.SocatPty;
import java.nio.file.Path;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Transport;
import org.echarge.api.charger.Charger;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.modbus.ModbusOptions;
import org.echarge.modbus.internal.ModbusTransportService;
import org.echarge.modbus.internal.Rs485TestLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver → transport → the RS485 line in ABL framing (a socat pty pair, 8N1 because a pty keeps no parity)
 * → {@link AblBox}, the simulated eMH1 in Python. The box sleeps after 1 s without requests and comes up in E0.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AblChargerSerialTest {

    private static final int UNIT = 3;
    private static final ModbusOptions FAST = new ModbusOptions(Duration.ofMillis(300), Duration.ZERO);

    @TempDir
    Path dir;
    private SocatPty pty;
    private AblBox box;
    private ModbusTransportService transport;

    @BeforeEach
    void start() throws Exception {
        SocatPty.assumeInstalled();
        pty = SocatPty.start(dir);
        box = AblBox.start(pty.peerEnd, UNIT, 1.0);
        transport = Rs485TestLine.open(pty.gatewayEnd, // 38400 8N1 (the box uses 8E1)
                Map.of("baudRate", 38400, "parity", "NONE", "framing", "ABL_ASCII"));
    }

    @AfterEach
    void stop() {
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
    void wakesEnablesControlsAndFollowsTheBox() throws Exception {
        AblChargerDriver driver = new AblChargerDriver(transport, Clock.systemUTC(), FAST);
        try (Charger charger = driver.open("abl-emh", new DeviceAddress(Transport.MODBUS_ASCII, "", 0, UNIT))) {
            // the first request wakes the box and goes unanswered; the box is in E0 after power-up
            ChargerSnapshot first = charger.poll();
            assertEquals(PointState.NOT_AVAILABLE, first.state());
            assertEquals("2W22S1234567", first.serialNumber());
            assertEquals("41 50 BE", first.firmwareVersion());
            assertEquals(PointState.AVAILABLE, charger.poll().state(), "enabled by the driver");

            charger.setCurrentLimit(10);
            box.command("plug 3 32");
            assertEquals(PointState.CONNECTED, charger.poll().state());
            box.command("charge");
            ChargerSnapshot charging = charger.poll();
            assertEquals(PointState.CHARGE, charging.state());
            assertEquals(10.02, charging.setpointAmpere(), 1e-9);
            assertEquals(10.0, charging.currentAmpere().l1(), 1e-9);
            assertEquals(30.0, charging.currentAmpere().total(), 1e-9);

            charger.setPaused(true);
            ChargerSnapshot paused = charger.poll();
            assertEquals(PointState.INTERRUPTION, paused.state());
            assertEquals(0, paused.setpointAmpere(), 1e-9);
            assertEquals(0, paused.currentAmpere().total(), 1e-9);
            charger.setPaused(false);
            charger.setCurrentLimit(20); // a 16 A box
            ChargerSnapshot limited = charger.poll();
            assertEquals(PointState.CHARGE, limited.state());
            assertEquals(16.02, limited.setpointAmpere(), 1e-9);

            charger.setCurrentLimit(8);
            box.command("restart"); // back in E0 at its own limit, interface asleep
            assertEquals(PointState.NOT_AVAILABLE, charger.poll().state());
            ChargerSnapshot restored = charger.poll();
            assertEquals(PointState.CHARGE, restored.state(), "setpoint written again, then enabled");
            assertEquals(7.98, restored.setpointAmpere(), 1e-9);

            box.command("fault F4");
            ChargerSnapshot fault = charger.poll();
            assertEquals(PointState.ERROR, fault.state());
            assertEquals(List.of(0xF4L), fault.errorCodes());
            assertTrue(fault.vehicleConnected());
            box.command("clear");
            box.command("unplug");
            ChargerSnapshot idle = charger.poll();
            assertEquals(PointState.AVAILABLE, idle.state());
            assertFalse(idle.vehicleConnected());
        }
    }

    @Test
    void aBoxThatIsGoneIsNotReachable() throws Exception {
        AblChargerDriver driver = new AblChargerDriver(transport, Clock.systemUTC(), FAST);
        box.close();
        try (Charger charger = driver.open("abl-emh", new DeviceAddress(Transport.MODBUS_ASCII, "", 0, UNIT))) {
            DeviceException e = assertThrows(DeviceException.class, charger::poll);
            assertEquals(Kind.NOT_REACHABLE, e.kind(), e.getMessage());
        }
    }
}
