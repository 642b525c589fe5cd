package org.echarge.knx.internal.binding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.echarge.api.PhaseValues;
import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.fault.FaultStatus;
import org.echarge.api.fault.GeneralFault;
import org.echarge.api.point.PointStatus;
import org.echarge.api.point.SessionInfo;
import org.echarge.knx.internal.GroupObjectTable;

/**
 * The values of the gateway's state objects, in gateway units (A, W, Wh, °C, s), keyed by
 * absolute object number. A value the charger does not report is absent: its object keeps its
 * last value and sends nothing.
 */
public final class ObjectValues {

    private ObjectValues() {
    }

    /** Objects 2, 8 and 9. */
    public static Map<Integer, Object> general(boolean gridControlActive, FaultStatus<GeneralFault> faults) {
        Map<Integer, Object> values = new LinkedHashMap<>();
        values.put(2, gridControlActive);
        values.put(8, faults.present());
        values.put(9, faults.shown().code());
        return values;
    }

    /** Objects 50-99 of one point (numbered for that point). */
    public static Map<Integer, Object> point(PointStatus status, Instant now, ZoneId zone) {
        int offset = GroupObjectTable.POINT_STRIDE * (status.number() - 1);
        Map<Integer, Object> values = new LinkedHashMap<>();
        ChargerSnapshot snapshot = status.snapshot();
        values.put(50, (long) status.state().value());
        values.put(51, snapshot != null && snapshot.vehicleConnected());
        values.put(52, status.state().isCharging());
        values.put(53, status.chargingComplete());
        values.put(56, status.interrupted());
        putNumber(values, 61, status.setpointAmpere());
        if (snapshot != null) {
            putPhases(values, 62, snapshot.currentAmpere());
            putPhases(values, 66, snapshot.powerWatt());
            putPhases(values, 70, snapshot.energyWattHour());
            putText(values, 79, snapshot.evccId());
            putText(values, 80, snapshot.serialNumber());
            putText(values, 81, snapshot.firmwareVersion());
            putNumber(values, 82, snapshot.temperatureCelsius());
            putText(values, 84, snapshot.rfidTag());
        }
        SessionInfo session = status.session();
        values.put(74, session.lastEnergyWattHour());
        values.put(75, session.totalEnergyWattHour());
        Instant start = session.runningSince() != null ? session.runningSince() : session.lastStart();
        if (start != null) {
            values.put(76, LocalTime.ofInstant(start, zone).withNano(0));
        }
        if (session.lastEnd() != null && session.runningSince() == null) {
            values.put(77, LocalTime.ofInstant(session.lastEnd(), zone).withNano(0));
        }
        values.put(78, session.runningSince() != null ? Duration.between(session.runningSince(), now).toSeconds()
                : session.lastDurationSeconds());
        values.put(83, status.temperatureWarning());
        values.put(94, status.faultPresent());
        values.put(95, status.fault().code());
        List<Long> codes = snapshot == null ? List.of() : snapshot.errorCodes();
        for (int i = 0; i < 4; i++) {
            values.put(96 + i, i < codes.size() ? errorText(codes, i) : "");
        }
        Map<Integer, Object> numbered = new LinkedHashMap<>();
        values.forEach((number, value) -> numbered.put(number + offset, value));
        return numbered;
    }

    /**
     * The maker's error code as hexadecimal text; a fourth part takes the rest if there are more
     * (cut to 14 characters when sent).
     */
    private static String errorText(List<Long> codes, int index) {
        if (index == 3 && codes.size() > 4) {
            StringBuilder rest = new StringBuilder();
            for (int i = 3; i < codes.size(); i++) {
                rest.append(i == 3 ? "" : " ").append("0x")
                        .append(Long.toHexString(codes.get(i)).toUpperCase(Locale.ROOT));
            }
            return rest.toString();
        }
        return "0x" + Long.toHexString(codes.get(index)).toUpperCase(Locale.ROOT);
    }

    private static void putPhases(Map<Integer, Object> values, int sumObject, PhaseValues phases) {
        putNumber(values, sumObject, phases.total());
        putNumber(values, sumObject + 1, phases.l1());
        putNumber(values, sumObject + 2, phases.l2());
        putNumber(values, sumObject + 3, phases.l3());
    }

    private static void putNumber(Map<Integer, Object> values, int object, double value) {
        if (Double.isFinite(value)) {
            values.put(object, value);
        }
    }

    private static void putText(Map<Integer, Object> values, int object, String text) {
        if (text != null) {
            values.put(object, text);
        }
    }
}
