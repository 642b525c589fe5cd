package org.echarge.dlm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;

import org.echarge.api.Phase;
import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.fault.PointFault;
import org.echarge.api.point.PointConfiguration;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which points want current, and what they draw on which building phase. */
class PointInputsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @ParameterizedTest(name = "{0}, vehicle {1}, interrupted {2} -> wants {3}")
    @CsvSource({
            // the charger's own state     | vehicle | interrupted (object 56) | wants
            "CHARGE,                         true,     false,                   true",
            "CONNECTED,                      true,     false,                   true",
            "AVAILABLE,                      false,    false,                   false",
            // a charger that DLM paused reports Interruption itself: the vehicle still wants current
            "INTERRUPTION,                   true,     false,                   true",
            // the gateway's Interruption (object 55) or grid control at 0 A
            "INTERRUPTION,                   true,     true,                    false",
            "CANCELLED,                      true,     false,                   false",
            "MANUAL_START_REQUIRED,          true,     false,                   false",
            "ERROR,                          true,     false,                   false",
            "NOT_AVAILABLE,                  true,     false,                   false",
    })
    void wantsCurrent(PointState state, boolean vehicle, boolean interrupted, boolean wants) {
        ChargerSnapshot snapshot = ChargerSnapshot.builder(NOW, state).vehicle(vehicle, state.isCharging()).build();
        assertEquals(wants, PointInputs.of(configuration(3, Phase.L1), status(state, snapshot, interrupted))
                .wantsCurrent());
    }

    @Test
    void aPointConfiguredDownToZeroStillNeedsSixAmpereToCharge() {
        PointConfiguration zero = new PointConfiguration(1, "P1", "m", 0, 16, 3, Phase.L1,
                PointConfiguration.TemperatureSending.OFF, Duration.ofMinutes(10),
                PointConfiguration.CurrentDatapoint.DPT_7_012, PointConfiguration.PowerDatapoint.DPT_14_056,
                PointConfiguration.EnergyDatapoint.DPT_13_010);
        ChargerSnapshot snapshot = ChargerSnapshot.builder(NOW, PointState.CONNECTED).vehicle(true, false).build();
        assertEquals(6, PointInputs.of(zero, status(PointState.CONNECTED, snapshot, false)).minAmpere());
    }

    @Test
    void aOnePhasePointDrawsOnThePhaseItIsWiredTo() {
        ChargerSnapshot snapshot = ChargerSnapshot.builder(NOW, PointState.CHARGE).vehicle(true, true)
                .currentAmpere(PhaseValues.of(12.3, 0, 0)).build();
        PointInput input = PointInputs.of(configuration(1, Phase.L3), status(PointState.CHARGE, snapshot, false));
        assertArrayEquals(new double[] {0, 0, 12.3}, input.drawAmpere(), 1e-9);
        assertEquals(4, input.phases());
    }

    @Test
    void aTotalIsSpreadOverThreePhasesAndNothingMeasuredIsNull() {
        ChargerSnapshot total = ChargerSnapshot.builder(NOW, PointState.CHARGE).vehicle(true, true)
                .currentAmpere(PhaseValues.totalOnly(30)).build();
        assertArrayEquals(new double[] {10, 10, 10},
                PointInputs.of(configuration(3, Phase.L1), status(PointState.CHARGE, total, false)).drawAmpere(), 1e-9);
        ChargerSnapshot none = ChargerSnapshot.builder(NOW, PointState.CHARGE).vehicle(true, true).build();
        assertNull(PointInputs.of(configuration(3, Phase.L1), status(PointState.CHARGE, none, false)).drawAmpere());
    }

    private static PointConfiguration configuration(int phases, Phase phase) {
        return new PointConfiguration(1, "P1", "simulated-sim1", 6, 16, phases, phase,
                PointConfiguration.TemperatureSending.OFF, Duration.ofMinutes(10),
                PointConfiguration.CurrentDatapoint.DPT_7_012, PointConfiguration.PowerDatapoint.DPT_14_056,
                PointConfiguration.EnergyDatapoint.DPT_13_010);
    }

    private static PointStatus status(PointState state, ChargerSnapshot snapshot, boolean interrupted) {
        return new PointStatus(1, "P1", "simulated-sim1", "tcp://127.0.0.1:1502/1", true, state, snapshot, false,
                PointFault.NO_ERROR, "", false, false, interrupted, 16, SessionInfo.NONE, NOW);
    }
}
