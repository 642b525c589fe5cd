package org.echarge.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echarge.api.point.PointState;

/**
 * The gateway's state objects a simulated visualisation shows, and how: an entry
 * {@code <object>=<group address>} per object, objects numbered as in the gateway's links
 * ({@code 8}, {@code point2.50} or {@code 100}).
 */
final class VisualisedObjects {

    /** One object on the visualisation's page. */
    record Entry(String label, String address, String datapoint, Format format) {
        String show(Object value) {
            return label + " = " + format.show(value);
        }
    }

    enum Format {
        YES_NO, ON_OFF, TEXT, AMPERE, POINT_STATE;

        String show(Object value) {
            return switch (this) {
                case YES_NO -> (Boolean) value ? "yes" : "no";
                case ON_OFF -> (Boolean) value ? "on" : "off";
                case TEXT -> "\"" + value + "\"";
                case AMPERE -> String.format(Locale.ROOT, "%.2f A", ((Number) value).doubleValue());
                case POINT_STATE -> {
                    long code = (Long) value;
                    yield PointState.ofValue((int) code).text() + " (" + code + ")";
                }
            };
        }
    }

    /** @param datapoint {@code null}: the current type the visualisation is configured with */
    private record Kind(String name, String datapoint, Format format) {
    }

    private static final Pattern ENTRY = Pattern.compile("(?:point(\\d{1,4})\\.)?(\\d{1,5})\\s*=\\s*(\\S+)");
    private static final int STRIDE = 50;
    private static final Map<Integer, Kind> GENERAL = Map.of(
            2, new Kind("grid-supporting control", "1.011", Format.ON_OFF),
            8, new Kind("fault", "1.002", Format.YES_NO),
            9, new Kind("last fault", "16.001", Format.TEXT));
    private static final Map<Integer, Kind> POINT = Map.ofEntries(
            Map.entry(50, new Kind("state", "5.010", Format.POINT_STATE)),
            Map.entry(51, new Kind("vehicle connected", "1.002", Format.YES_NO)),
            Map.entry(52, new Kind("charging", "1.011", Format.YES_NO)),
            Map.entry(53, new Kind("charging complete", "1.002", Format.YES_NO)),
            Map.entry(56, new Kind("interruption", "1.011", Format.ON_OFF)),
            Map.entry(61, new Kind("setpoint", "14.019", Format.AMPERE)),
            Map.entry(62, new Kind("current", null, Format.AMPERE)),
            Map.entry(63, new Kind("current L1", null, Format.AMPERE)),
            Map.entry(64, new Kind("current L2", null, Format.AMPERE)),
            Map.entry(65, new Kind("current L3", null, Format.AMPERE)),
            Map.entry(94, new Kind("fault", "1.002", Format.YES_NO)),
            Map.entry(95, new Kind("last fault", "16.001", Format.TEXT)));

    private VisualisedObjects() {
    }

    /**
     * The entries that make sense; each one that does not is added to {@code errors} with the reason.
     *
     * @param currentDatapoint the type of the current objects 62-65 (the points' {@code currentDatapoint})
     */
    static List<Entry> parse(String[] entries, String currentDatapoint, List<String> errors) {
        List<Entry> parsed = new ArrayList<>();
        for (String raw : entries) {
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher m = ENTRY.matcher(text);
            if (!m.matches()) {
                errors.add("\"" + text + "\": expected <object>=<group address>, e.g. point1.50=1/1/50 or 8=0/0/8");
                continue;
            }
            int number = Integer.parseInt(m.group(2));
            int point = m.group(1) != null ? Integer.parseInt(m.group(1)) : number >= STRIDE ? (number - STRIDE) / STRIDE + 1 : 0;
            int relative = m.group(1) != null || number < STRIDE ? number : (number - STRIDE) % STRIDE + STRIDE;
            Kind kind = point == 0 ? GENERAL.get(relative) : POINT.get(relative);
            if (kind == null || point == 0 && m.group(1) != null) {
                errors.add("\"" + text + "\": not a state object the visualisation shows; it shows 2, 8, 9 and per "
                        + "point 50-53, 56, 61-65, 94, 95");
                continue;
            }
            String label = (point == 0 ? "gateway " : "CP" + point + " ") + kind.name();
            parsed.add(new Entry(label, m.group(3), kind.datapoint() == null ? currentDatapoint : kind.datapoint(),
                    kind.format()));
        }
        return parsed;
    }
}
