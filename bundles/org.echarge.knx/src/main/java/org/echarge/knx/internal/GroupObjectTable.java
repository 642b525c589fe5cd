package org.echarge.knx.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.GroupObjectDefinition.Direction;
import org.echarge.knx.internal.GroupObjectDefinition.Presence;
import org.echarge.knx.internal.GroupObjectDefinition.Scope;

/**
 * The group objects of the gateway, read from group-objects.csv (a copy of the spec's table, kept
 * identical by a test). The reader is strict: a row that does not fit the columns' rules is refused,
 * so that a changed table cannot slip through half understood.
 */
public final class GroupObjectTable {

    /** Point 1's first object number; general and DLM objects lie below it. */
    public static final int FIRST_POINT_OBJECT = 50;
    /** Point n's objects are point 1's numbers + 50·(n−1) (header comment of the table). */
    public static final int POINT_STRIDE = 50;

    static final String RESOURCE = "group-objects.csv";
    private static final String HEADER = "number,scope,name,dpts,size,direction,flags,when";
    private static final Pattern SIZE = Pattern.compile("(\\d+) (bit|byte)");

    private final Map<Integer, GroupObjectDefinition> byNumber;
    private final List<GroupObjectDefinition> definitions;

    private GroupObjectTable(Map<Integer, GroupObjectDefinition> byNumber) {
        this.byNumber = Collections.unmodifiableMap(byNumber);
        this.definitions = List.copyOf(byNumber.values());
    }

    /** The table shipped with this bundle. */
    public static GroupObjectTable standard() {
        return Standard.TABLE;
    }

    private static final class Standard {
        static final GroupObjectTable TABLE = load();

        private static GroupObjectTable load() {
            try (InputStream in = GroupObjectTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the bundle");
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads the table's lines: '#' comments, the header, one object per row. */
    public static GroupObjectTable parse(List<String> lines) {
        Map<Integer, GroupObjectDefinition> byNumber = new TreeMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            try {
                if (!header) {
                    if (!line.equals(HEADER)) {
                        throw new IllegalArgumentException("the header must be " + HEADER);
                    }
                    header = true;
                    continue;
                }
                GroupObjectDefinition definition = row(line);
                if (byNumber.putIfAbsent(definition.number(), definition) != null) {
                    throw new IllegalArgumentException("object " + definition.number() + " is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (byNumber.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + " has no objects");
        }
        return new GroupObjectTable(byNumber);
    }

    private static GroupObjectDefinition row(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 8) {
            throw new IllegalArgumentException(cells.length + " columns instead of 8");
        }
        int number = Integer.parseInt(cells[0]);
        Scope scope = Scope.valueOf(cells[1].toUpperCase(Locale.ROOT));
        boolean pointObject = scope == Scope.POINT;
        if (pointObject ? number < FIRST_POINT_OBJECT || number >= FIRST_POINT_OBJECT + POINT_STRIDE
                : number < 1 || number >= FIRST_POINT_OBJECT) {
            throw new IllegalArgumentException("object " + number + " is outside the numbers of scope " + cells[1]);
        }
        List<KnxDatapoint> datapoints = Arrays.stream(cells[3].split("\\|")).map(id -> KnxDatapoint.ofId(id)
                .orElseThrow(() -> new IllegalArgumentException("unknown datapoint type " + id))).toList();
        if (datapoints.stream().distinct().count() != datapoints.size()) {
            throw new IllegalArgumentException("datapoint type listed twice in " + cells[3]);
        }
        int sizeBits = sizeBits(cells[4]);
        int largest = datapoints.stream().mapToInt(DatapointCodec::sizeBits).max().orElseThrow();
        if (sizeBits != largest) {
            throw new IllegalArgumentException("size " + cells[4] + ", but the largest of " + cells[3] + " is "
                    + GroupObjectDefinition.formatSize(largest));
        }
        Direction direction = Direction.valueOf(cells[5].toUpperCase(Locale.ROOT));
        var flags = GroupObjectFlag.parse(cells[6]);
        GroupObjectFlag needed = direction == Direction.WRITE ? GroupObjectFlag.WRITE : GroupObjectFlag.READ;
        if (!flags.contains(GroupObjectFlag.COMMUNICATION) || !flags.contains(needed)) {
            throw new IllegalArgumentException("a " + cells[5] + " object needs the flags C and " + needed.letter()
                    + ", not " + cells[6]);
        }
        return new GroupObjectDefinition(number, scope, cells[2], datapoints, sizeBits, direction, flags,
                Presence.ofToken(cells[7]));
    }

    private static int sizeBits(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("size \"" + text + "\" is not \"<n> bit\" or \"<n> byte\"");
        }
        int n = Integer.parseInt(m.group(1));
        return m.group(2).equals("bit") ? n : 8 * n;
    }

    /** All rows, by number (point objects with point 1's numbers). */
    public List<GroupObjectDefinition> definitions() {
        return definitions;
    }

    /** The row with this number as the table gives it (point objects: point 1's number). */
    public Optional<GroupObjectDefinition> definition(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** The object with a number as numbered on the device, e.g. 110 = point 2's object 60. */
    public Optional<ObjectRef> resolve(int number) {
        if (number < FIRST_POINT_OBJECT) {
            return definition(number).map(d -> new ObjectRef(d, 0));
        }
        int point = (number - FIRST_POINT_OBJECT) / POINT_STRIDE + 1;
        return definition(number - POINT_STRIDE * (point - 1)).map(d -> new ObjectRef(d, point));
    }
}
