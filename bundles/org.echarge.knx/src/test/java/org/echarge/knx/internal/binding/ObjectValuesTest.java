package org.echarge.knx.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.fault.FaultStatus;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.fault.PointFault;
import org.echarge.api.point.PointState;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;
import org.junit.jupiter.api.Test;

/** What the state objects of a point and of the gateway hold. */
class ObjectValuesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T18:30:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aChargingPointTwo() {
        ChargerSnapshot snapshot = ChargerSnapshot.builder(NOW, PointState.CHARGE).vehicle(true, true)
                .currentAmpere(PhaseValues.of(15.2, 15.1, 15.0)).powerWatt(PhaseValues.of(3500, 3480, 3460))
                .energyWattHour(PhaseValues.of(100, 200, 300)).identity("SN-1", "1.2.3").build();
        SessionInfo session = new SessionInfo(NOW.minusSeconds(3600), 5000, NOW.minusSeconds(90000),
                NOW.minusSeconds(86400), 12000, 99000);
        PointStatus status = new PointStatus(2, "P2", "m", "a", true, PointState.CHARGE_REDUCED, snapshot, true,
                PointFault.NOT_REACHABLE, "", false, false, false, 16, session, NOW);
        Map<Integer, Object> values = ObjectValues.point(status, NOW, BERLIN);
        assertEquals(9L, values.get(100), "state 9, object 50 + 50");
        assertEquals(true, values.get(101));
        assertEquals(true, values.get(102), "charging");
        assertEquals(16.0, values.get(111));
        assertEquals(45.3, (Double) values.get(112), 1e-9, "current sum");
        assertEquals(15.1, values.get(114));
        assertEquals(600.0, values.get(120), "energy sum");
        assertEquals(12000.0, values.get(124), "last session");
        assertEquals(99000.0, values.get(125), "total");
        assertEquals(LocalTime.of(18, 30), values.get(126), "start of the running session, local time");
        assertFalse(values.containsKey(127), "no end time while a session runs");
        assertEquals(3600L, values.get(128), "running for an hour");
        assertEquals("SN-1", values.get(130));
        assertEquals(true, values.get(144));
        assertEquals("NotReachable", values.get(145));
        assertEquals("", values.get(146));
        assertFalse(values.containsKey(132), "temperature not reported: no value");
    }

    @Test
    void errorCodesAsHexInFourParts() {
        ChargerSnapshot snapshot = ChargerSnapshot.builder(NOW, PointState.ERROR).vehicle(false, false)
                .errorCodes(List.of(0x1AL, 0xBEEFL, 3L, 4L, 0x55L)).build();
        PointStatus status = new PointStatus(1, "P1", "m", "a", true, PointState.ERROR, snapshot, true,
                PointFault.CHARGER_ERROR, "", false, false, false, 16, SessionInfo.NONE, NOW);
        Map<Integer, Object> values = ObjectValues.point(status, NOW, BERLIN);
        assertEquals("0x1A", values.get(96));
        assertEquals("0xBEEF", values.get(97));
        assertEquals("0x3", values.get(98));
        assertEquals("0x4 0x55", values.get(99), "the fourth part takes the rest");
    }

    @Test
    void general() {
        assertEquals(Map.of(2, true, 8, true, 9, "SmartMeterTOut"), ObjectValues.general(true,
                new FaultStatus<>(true, GeneralFault.SMART_METER_TIMEOUT, "no value")));
    }
}
