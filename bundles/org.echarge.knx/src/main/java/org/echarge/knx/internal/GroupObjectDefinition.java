package org.echarge.knx.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.echarge.knx.KnxDatapoint;

/**
 * One row of group-objects.csv. For a charging point object, {@link #number()} is the number of
 * point 1's object; {@link #number(int)} gives it for any point.
 *
 * @param datapoints the types a user may choose, the first is the default
 * @param sizeBits the size in the table: that of the largest allowed type
 */
public record GroupObjectDefinition(int number, Scope scope, String name, List<KnxDatapoint> datapoints, int sizeBits,
        Direction direction, Set<GroupObjectFlag> flags, Presence presence) {

    public enum Scope {
        GENERAL, DLM, POINT
    }

    /** Seen from KNX: WRITE objects take commands and readings from the bus, READ objects report to it. */
    public enum Direction {
        WRITE, READ
    }

    /** The "when" column: the condition under which the object exists. */
    public enum Presence {
        ALWAYS("always"),
        DLM_ON("dlm-on"),
        DLM_OFF("dlm-off"),
        /** The point's charger model supports the function. */
        MODEL("model"),
        /** DLM monitors the smart meter by values plus the cyclic "in operation" object. */
        MONITORING_IN_OPERATION("monitoring-in-operation"),
        /** The point is metered, by its charger or by a retrofitted electricity meter. */
        EMETER_OR_MODEL("emeter-or-model");

        private final String token;

        Presence(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public static Presence ofToken(String token) {
            return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown \"when\" " + token));
        }
    }

    public GroupObjectDefinition {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        datapoints = List.copyOf(datapoints);
        Objects.requireNonNull(direction, "direction");
        flags = Set.copyOf(flags);
        Objects.requireNonNull(presence, "presence");
        if (datapoints.isEmpty()) {
            throw new IllegalArgumentException("object " + number + " has no datapoint type");
        }
    }

    public KnxDatapoint defaultDatapoint() {
        return datapoints.get(0);
    }

    public boolean has(GroupObjectFlag flag) {
        return flags.contains(flag);
    }

    /** The object's number for a charging point (1, 2, ...), or for point 0 where it is not a point object. */
    public int number(int point) {
        checkPoint(point);
        return scope == Scope.POINT ? number + GroupObjectTable.POINT_STRIDE * (point - 1) : number;
    }

    /** The name for a charging point, e.g. "CP2 Connected - state"; point 0 where it is not a point object. */
    public String name(int point) {
        checkPoint(point);
        return scope == Scope.POINT ? "CP" + point + " " + name : name;
    }

    /** "1 bit", "4 byte", as in the table. */
    public static String formatSize(int bits) {
        return bits % 8 == 0 ? bits / 8 + " byte" : bits + " bit";
    }

    private void checkPoint(int point) {
        if (scope == Scope.POINT ? point < 1 : point != 0) {
            throw new IllegalArgumentException("object " + number + " (" + scope + ") for point " + point);
        }
    }
}
