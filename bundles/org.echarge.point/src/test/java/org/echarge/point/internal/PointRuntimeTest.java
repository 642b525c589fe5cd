package org.echarge.point.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.UUID;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.echarge.api.DeviceAddress;
import org.echarge.api.DeviceException;
import org.echarge.api.DeviceException.Kind;
import org.echarge.api.Phase;
import org.echarge.api.PhaseValues;
import org.echarge.api.Transport;
import org.echarge.api.charger.ChargerCapability;
import org.echarge.api.charger.ChargerDriver;
import org.echarge.api.charger.ChargerModel;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.fault.PointFault;
import org.echarge.api.meter.ElectricityMeter;
import org.echarge.api.meter.MeterDriver;
import org.echarge.api.meter.MeterModel;
import org.echarge.api.meter.MeterReading;
import org.echarge.api.point.LoadShare;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;
import org.echarge.point.internal.sessions.SessionStore;
import org.echarge.testsupport.FakeCharger;
import org.echarge.testsupport.FakeChargerDriver;
import org.echarge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointRuntimeTest {

    private static final ChargerModel MODEL = new ChargerModel("fake-1", "Fake", "Fake One",
            Set.of(ChargerCapability.SET_CURRENT), Set.of(Transport.MODBUS_TCP), 502, 6, 32, Duration.ofSeconds(1),
            Duration.ZERO);

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    private final FakeChargerDriver driver = new FakeChargerDriver("fake", MODEL).answeringWith(charging(16));
    private ChargerDriver installed = driver;
    @TempDir
    static Path sessionFolder;
    private final SessionStore sessions = new SessionStore(sessionFolder.resolve(UUID.randomUUID().toString()));
    private final PointRuntime runtime = new PointRuntime(settings(16, 0), model -> Optional.ofNullable(installed),
            sessions, clock);

    @Test
    void pollsAndWritesTheSetpointOnceAfterConnecting() {
        pollASecondLater();
        pollASecondLater();

        PointStatus status = runtime.status();
        assertEquals(PointState.CHARGE, status.state());
        assertEquals(PointFault.NO_ERROR, status.fault());
        assertFalse(status.faultPresent());
        assertTrue(status.driverAvailable());
        assertEquals(15.5, status.snapshot().currentAmpere().l1(), 1e-9);
        assertEquals(clock.instant(), status.lastAnswer());
        assertEquals(List.of("limit 16.0"), driver.last().commands());
    }

    @Test
    void aMeterAtThePointGivesItsMeasurementsAndItsFaults() throws Exception {
        FakeMeter meter = new FakeMeter();
        MeterDriver meters = new MeterDriver() {
            @Override
            public String id() {
                return "fake-meters";
            }

            @Override
            public List<MeterModel> models() {
                return List.of(new MeterModel("fake-meter", "Fake", "Meter", Set.of(Transport.MODBUS_TCP), 502));
            }

            @Override
            public ElectricityMeter open(String modelId, DeviceAddress address) {
                assertEquals(DeviceAddress.tcp("127.0.0.2", 502, 1), address);
                return meter;
            }
        };
        PointRuntime metered = new PointRuntime(PointSettings.of(config(1, "fake-1", "127.0.0.1", 3, 16, 6,
                "fake-meter")), model -> Optional.ofNullable(installed), model -> Optional.of(meters), sessions, clock,
                status -> { });
        meter.reading = new MeterReading(clock.instant(), PhaseValues.of(9.1, 9.2, 9.3), PhaseValues.of(2000, 2100, 2200),
                PhaseValues.of(100, 200, 300), OptionalLong.empty());
        clock.advance(Duration.ofSeconds(1));
        metered.poll();
        assertEquals(9.2, metered.status().snapshot().currentAmpere().l2(), 1e-9, "the meter's, not the charger's");
        assertEquals(6300, metered.status().snapshot().powerWatt().total(), 1e-9);
        assertFalse(metered.status().faultPresent());

        meter.reading = new MeterReading(clock.instant(), PhaseValues.of(9.1, 9.2, 9.3), PhaseValues.NOT_MEASURED,
                PhaseValues.NOT_MEASURED, OptionalLong.of(0x21));
        clock.advance(Duration.ofSeconds(1));
        metered.poll();
        assertEquals(PointFault.EMETER_ERROR, metered.status().fault());
        assertEquals("meter fault register 0x21", metered.status().faultDetail());

        meter.failure = new DeviceException(Kind.NOT_REACHABLE, "timeout");
        clock.advance(Duration.ofSeconds(1));
        metered.poll();
        assertEquals(PointFault.EMETER_NOT_REACHABLE, metered.status().fault());
        assertTrue(Double.isNaN(metered.status().snapshot().currentAmpere().l1()), "unknown, not the charger's");
        assertEquals(PointState.CHARGE, metered.status().state(), "the charger still answers");

        meter.failure = null;
        meter.reading = new MeterReading(clock.instant(), PhaseValues.of(1, 1, 1), PhaseValues.NOT_MEASURED,
                PhaseValues.NOT_MEASURED, OptionalLong.empty());
        clock.advance(Duration.ofSeconds(1));
        metered.poll();
        assertFalse(metered.status().faultPresent(), "auto faults clear when the meter answers again");

        PointRuntime unknownModel = new PointRuntime(PointSettings.of(config(1, "fake-1", "127.0.0.1", 3, 16, 6,
                "other-meter")), model -> Optional.ofNullable(installed), model -> Optional.empty(), sessions, clock,
                status -> { });
        clock.advance(Duration.ofSeconds(1));
        unknownModel.poll();
        assertEquals(PointFault.CONF_EMETER, unknownModel.status().fault());
        assertEquals("no installed meter driver offers model 'other-meter'", unknownModel.status().faultDetail());
        assertEquals(PointState.CHARGE, unknownModel.status().state(), "the charger is still served");
    }

    private static final class FakeMeter implements ElectricityMeter {
        MeterReading reading;
        DeviceException failure;

        @Override
        public MeterModel model() {
            return null;
        }

        @Override
        public MeterReading read() throws DeviceException {
            if (failure != null) {
                throw failure;
            }
            return reading;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void chargingCompleteAndTemperatureWarningFollowTheSnapshots() {
        driver.answeringWith(ChargerSnapshot.builder(clock.instant(), PointState.CONNECTED).vehicle(true, false)
                .currentAmpere(PhaseValues.of(0.4, 0.3, 0.2)).temperatureCelsius(71).build());
        pollASecondLater();
        assertFalse(runtime.status().chargingComplete());
        assertTrue(runtime.status().temperatureWarning());
        for (int i = 0; i < 301; i++) {
            pollASecondLater();
        }
        assertTrue(runtime.status().chargingComplete());
    }

    @Test
    void sessionsAreTrackedAndSurviveARestartOfTheRuntime() {
        driver.answeringWith(ChargerSnapshot.builder(clock.instant(), PointState.CHARGE).vehicle(true, true)
                .energyWattHour(PhaseValues.totalOnly(1000)).build());
        pollASecondLater();
        assertEquals(clock.instant(), runtime.status().session().runningSince());
        driver.last().answer(ChargerSnapshot.builder(clock.instant(), PointState.CHARGE).vehicle(true, true)
                .energyWattHour(PhaseValues.totalOnly(3000)).build());
        pollASecondLater();
        driver.last().answer(ChargerSnapshot.builder(clock.instant(), PointState.AVAILABLE)
                .energyWattHour(PhaseValues.totalOnly(3000)).build());
        pollASecondLater();

        SessionInfo session = runtime.status().session();
        assertEquals(2000, session.lastEnergyWattHour(), 1e-9);
        assertEquals(2, session.lastDurationSeconds());
        assertEquals(2000, session.totalEnergyWattHour(), 1e-9);

        PointRuntime restarted = new PointRuntime(settings(16, 0), model -> Optional.of(driver), sessions, clock);
        restarted.poll();
        assertEquals(2000, restarted.status().session().totalEnergyWattHour(), 1e-9);
        assertEquals(2000, restarted.status().session().lastEnergyWattHour(), 1e-9);
    }

    @Test
    void unchangedValuesAreNotWrittenAgain() {
        for (int i = 0; i < 5; i++) {
            pollASecondLater();
        }
        assertEquals(List.of("limit 16.0"), driver.last().commands());
    }

    @Test
    void interruptionPausesByCommandAndRestores() {
        FakeChargerDriver pausing = new FakeChargerDriver("fake", model(ChargerCapability.PAUSE_RESUME))
                .answeringWith(charging(16));
        installed = pausing;
        pollASecondLater();
        runtime.interruption(true);
        assertEquals(PointState.INTERRUPTION, runtime.status().state());
        assertTrue(runtime.status().interrupted());
        runtime.setpoint(10);
        runtime.interruption(false);

        assertEquals(PointState.CHARGE, runtime.status().state());
        assertEquals(List.of("limit 16.0", "paused false", "paused true", "limit 10.0", "paused false"),
                pausing.last().commands());
    }

    @Test
    void dlmPausesAModelThatPausesByCommandWithoutWritingZeroAmpere() {
        FakeChargerDriver pausing = new FakeChargerDriver("fake", model(ChargerCapability.PAUSE_RESUME))
                .answeringWith(charging(16));
        installed = pausing;
        runtime.loadShare(LoadShare.of(10));
        pollASecondLater();
        runtime.loadShare(LoadShare.of(0));
        runtime.loadShare(LoadShare.of(3)); // below the minimum: still no charging
        runtime.loadShare(LoadShare.of(12));
        assertEquals(List.of("limit 10.0", "paused false", "paused true", "limit 12.0", "paused false"),
                pausing.last().commands());
    }

    @Test
    void belowTheChargersMinimumAZeroAmpereModelIsPausedNotGivenAnImpossibleCurrent() throws Exception {
        FakeChargerDriver zero = new FakeChargerDriver("fake", model(ChargerCapability.ZERO_AMPERE))
                .answeringWith(charging(16));
        installed = zero;
        PointRuntime zeroMinimum = new PointRuntime(PointSettings.of(config(1, "fake-1", "127.0.0.1", 3, 16, 0)),
                model -> Optional.ofNullable(installed), sessions, clock);
        zeroMinimum.loadShare(LoadShare.of(4));
        clock.advance(Duration.ofSeconds(1));
        zeroMinimum.poll();
        zeroMinimum.loadShare(LoadShare.of(7));
        assertEquals(List.of("limit 0.0", "limit 7.0"), zero.last().commands());
    }

    @Test
    void anUnlockTheChargerRefusesNowIsOpNotPossibleWithoutReconnecting() {
        FakeChargerDriver unlocking = new FakeChargerDriver("fake", model(ChargerCapability.UNLOCK))
                .answeringWith(charging(16));
        installed = unlocking;
        pollASecondLater();
        unlocking.last().fail(new DeviceException(Kind.NOT_SUPPORTED, "not during a session"));
        runtime.unlock();
        assertEquals(PointFault.OP_NOT_POSSIBLE, runtime.status().fault());
        assertEquals("unlock: not during a session", runtime.status().faultDetail());
        assertEquals(1, unlocking.opened().size());
        assertFalse(unlocking.last().closed(), "the charger stays open");
    }

    @Test
    void aModelWithoutPauseIsPausedWithZeroAmpere() {
        FakeChargerDriver zero = new FakeChargerDriver("fake", model(ChargerCapability.ZERO_AMPERE))
                .answeringWith(charging(16));
        installed = zero;
        pollASecondLater();
        runtime.gridControl(true, 0);
        runtime.gridControl(false, 0);
        assertEquals(List.of("limit 16.0", "limit 0.0", "limit 16.0"), zero.last().commands());
    }

    @Test
    void outOfRangeSetpointIsClampedAndShownOnce() {
        pollASecondLater();
        runtime.setpoint(40);
        assertEquals(PointFault.VALUE_OUT_OF_RANGE, runtime.status().fault());
        assertTrue(runtime.status().faultPresent());
        assertEquals(16.0, runtime.status().setpointAmpere(), 1e-9);

        pollASecondLater();
        assertFalse(runtime.status().faultPresent());
        assertEquals(PointFault.VALUE_OUT_OF_RANGE, runtime.status().fault()); // the last fault stays shown
    }

    @Test
    void stopCancelsUntilTheVehicleLeaves() {
        pollASecondLater();
        runtime.startStop(false);
        assertEquals(PointState.CANCELLED, runtime.status().state());
        runtime.startStop(true);
        assertEquals(PointFault.OP_NOT_POSSIBLE, runtime.status().fault());

        driver.last().answer(ChargerSnapshot.builder(clock.instant(), PointState.AVAILABLE).build());
        pollASecondLater();
        assertEquals(PointState.AVAILABLE, runtime.status().state());
    }

    @Test
    void unlockOnAModelWithoutItIsNotPossible() {
        pollASecondLater();
        runtime.unlock();
        assertEquals(PointFault.OP_NOT_POSSIBLE, runtime.status().fault());
        assertEquals(List.of("limit 16.0"), driver.last().commands());
    }

    @Test
    void pollsNoMoreOftenThanTheModelAsks() {
        ChargerModel slow = new ChargerModel("fake-1", "Fake", "Slow One", Set.of(ChargerCapability.SET_CURRENT),
                Set.of(Transport.MODBUS_TCP), 502, 6, 32, Duration.ofSeconds(3), Duration.ZERO);
        installed = new FakeChargerDriver("fake", slow).answeringWith(charging(16));
        for (int second = 0; second < 7; second++) {
            runtime.poll();
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(3, ((FakeChargerDriver) installed).last().polls()); // at 0, 3 and 6 s
    }

    @Test
    void withoutADriverThePointIsNotAvailableAndSaysWhich() {
        installed = null;
        pollASecondLater();

        PointStatus status = runtime.status();
        assertEquals(PointState.NOT_AVAILABLE, status.state());
        assertFalse(status.driverAvailable());
        assertTrue(status.faultDetail().contains("fake-1"), status.faultDetail());
    }

    @Test
    void unreachableChargerRaisesNotReachableAndReconnectsWithSetpointAgain() {
        pollASecondLater();
        FakeCharger first = driver.last();
        first.fail(new DeviceException(Kind.NOT_REACHABLE, "timeout"));
        pollASecondLater();

        assertEquals(PointFault.NOT_REACHABLE, runtime.status().fault());
        assertEquals(PointState.NOT_AVAILABLE, runtime.status().state());
        assertTrue(first.closed());

        pollASecondLater();
        assertEquals(2, driver.opened().size());
        assertFalse(runtime.status().faultPresent());
        assertEquals(PointFault.NOT_REACHABLE, runtime.status().fault()); // the last fault stays shown
        assertEquals(List.of("limit 16.0"), driver.last().commands());
    }

    @Test
    void communicationErrorKeepsTheConnection() {
        pollASecondLater();
        driver.last().fail(new DeviceException(Kind.COMMUNICATION, "exception response 4"));
        pollASecondLater();

        assertEquals(PointFault.COMM, runtime.status().fault());
        assertFalse(driver.last().closed());
        assertEquals(1, driver.opened().size());
    }

    @Test
    void wrongChargerIsReported() {
        pollASecondLater();
        driver.last().fail(new DeviceException(Kind.WRONG_DEVICE, "model code 0x1234"));
        pollASecondLater();

        assertEquals(PointFault.WRONG_CHARGER, runtime.status().fault());
        assertEquals("model code 0x1234", runtime.status().faultDetail());
    }

    @Test
    void chargerErrorCodesRaiseChargerError() {
        driver.answeringWith(ChargerSnapshot.builder(clock.instant(), PointState.ERROR).errorCodes(List.of(0x1F0L))
                .build());
        pollASecondLater();

        assertEquals(PointFault.CHARGER_ERROR, runtime.status().fault());
        assertEquals(PointState.ERROR, runtime.status().state());
        assertTrue(runtime.status().faultDetail().contains("0x1F0"));
    }

    @Test
    void driverUpdateClosesTheChargerAndTheNewDriverReconnects() {
        pollASecondLater();
        FakeCharger old = driver.last();

        installed = null;
        runtime.driverRemoved("fake");
        assertTrue(old.closed());
        assertFalse(runtime.status().driverAvailable());

        FakeChargerDriver updated = new FakeChargerDriver("fake", MODEL).answeringWith(charging(16));
        installed = updated;
        pollASecondLater();
        assertEquals(PointState.CHARGE, runtime.status().state());
        assertEquals(List.of("limit 16.0"), updated.last().commands());
    }

    @Test
    void settingsBeyondTheModelRaiseConfCharger() {
        PointRuntime tooMuch = new PointRuntime(settings(40, 0), model -> Optional.of(driver), sessions, clock);
        tooMuch.poll();

        assertEquals(PointFault.CONF_CHARGER, tooMuch.status().fault());
        assertTrue(tooMuch.status().faultDetail().contains("at most 32.0 A"), tooMuch.status().faultDetail());
        assertTrue(driver.opened().isEmpty());
    }

    @Test
    void invalidConfigurationListsEverySettingThatIsWrong() {
        InvalidSettingsException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingsException.class,
                () -> PointSettings.of(config(0, "", "", 2, 5, 8)));
        assertEquals(6, e.errors().size(), e.errors().toString());
    }

    private static ChargerModel model(ChargerCapability capability) {
        return new ChargerModel("fake-1", "Fake", "Fake One", Set.of(ChargerCapability.SET_CURRENT, capability),
                Set.of(Transport.MODBUS_TCP), 502, 6, 32, Duration.ofSeconds(1), Duration.ZERO);
    }

    /** The runtime is called once a second. */
    private void pollASecondLater() {
        clock.advance(Duration.ofSeconds(1));
        runtime.poll();
    }

    private ChargerSnapshot charging(double limit) {
        return ChargerSnapshot.builder(clock.instant(), PointState.CHARGE).vehicle(true, true)
                .setpointAmpere(limit).currentAmpere(PhaseValues.of(15.5, 15.4, 15.3)).build();
    }

    private static PointSettings settings(double max, double setpoint) {
        try {
            return PointSettings.of(config(1, "fake-1", "127.0.0.1", 3, max, 6));
        } catch (InvalidSettingsException e) {
            throw new AssertionError(e);
        }
    }

    /** A configuration as ConfigAdmin would hand it over. */
    private static ChargingPointConfig config(int number, String model, String host, int phases, double max,
            double min) {
        return config(number, model, host, phases, max, min, "");
    }

    private static ChargingPointConfig config(int number, String model, String host, int phases, double max,
            double min, String meterModel) {
        return new ChargingPointConfig() {
            @Override public Class<? extends Annotation> annotationType() { return ChargingPointConfig.class; }
            @Override public int number() { return number; }
            @Override public String name() { return ""; }
            @Override public String model() { return model; }
            @Override public Transport transport() { return Transport.MODBUS_TCP; }
            @Override public String host() { return host; }
            @Override public int port() { return 502; }
            @Override public int unitId() { return 1; }
            @Override public String meterModel() { return meterModel; }
            @Override public Transport meterTransport() { return Transport.MODBUS_TCP; }
            @Override public String meterHost() { return "127.0.0.2"; }
            @Override public int meterPort() { return 502; }
            @Override public int meterUnitId() { return 1; }
            @Override public double minCurrentAmpere() { return min; }
            @Override public double maxCurrentAmpere() { return max; }
            @Override public int phases() { return phases; }
            @Override public Phase phase() { return Phase.L1; }
            @Override public double setpointAmpere() { return 0; }
            @Override public boolean manualStart() { return false; }
            @Override public double chargingCompleteAmpere() { return 1; }
            @Override public int chargingCompleteSeconds() { return 300; }
            @Override public double temperatureWarningCelsius() { return 70; }
            @Override public PointConfiguration.TemperatureSending temperatureSending() {
                return PointConfiguration.TemperatureSending.ON_CHANGE;
            }
            @Override public int temperatureCycleSeconds() { return 600; }
            @Override public PointConfiguration.CurrentDatapoint currentDatapoint() {
                return PointConfiguration.CurrentDatapoint.DPT_7_012;
            }
            @Override public PointConfiguration.PowerDatapoint powerDatapoint() {
                return PointConfiguration.PowerDatapoint.DPT_14_056;
            }
            @Override public PointConfiguration.EnergyDatapoint energyDatapoint() {
                return PointConfiguration.EnergyDatapoint.DPT_13_010;
            }
        };
    }
}
