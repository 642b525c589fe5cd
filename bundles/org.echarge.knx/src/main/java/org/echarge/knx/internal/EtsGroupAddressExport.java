package org.echarge.knx.internal;

import static java.util.stream.Collectors.joining;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.echarge.knx.KnxDatapoint;

import tuwien.auto.calimero.GroupAddress;

/**
 * The linked group addresses as a CSV file that ETS imports (Group addresses, Import): the "1/1"
 * layout of ETS's own CSV export, one quoted column each for name, address, central, unfiltered,
 * description, datapoint type and security. In 3-level notation, rows "m/-/-" and "m/n/-" name the
 * main and middle groups; in 2-level, "m/-". See the README for the sources.
 */
public final class EtsGroupAddressExport {

    static final String LINE_END = "\r\n";
    private static final String SECURITY = "Auto";

    private EtsGroupAddressExport() {
    }

    /**
     * One row per linked address, in address order, named after the object that sends on it (else
     * the lowest-numbered object listening on it) and with that object's datapoint type.
     *
     * @param objects the existing objects the links were validated against
     * @param deviceName the name given to the main and middle groups the addresses lie in
     */
    public static String csv(List<GroupObject> objects, GroupObjectLinks links, String deviceName) {
        Map<Integer, GroupObject> byNumber = objects.stream()
                .collect(Collectors.toMap(GroupObject::number, Function.identity()));
        AddressStyle style = links.style();
        StringBuilder csv = new StringBuilder(
                row("Group name", "Address", "Central", "Unfiltered", "Description", "DatapointType", "Security"));
        int main = -1;
        int middle = -1;
        for (GroupAddress address : links.groupAddresses()) {
            if (style != AddressStyle.FREE && address.getMainGroup() != main) {
                main = address.getMainGroup();
                middle = -1;
                csv.append(range(deviceName, main + (style == AddressStyle.THREE_LEVEL ? "/-/-" : "/-")));
            }
            if (style == AddressStyle.THREE_LEVEL && address.getMiddleGroup() != middle) {
                middle = address.getMiddleGroup();
                csv.append(range(deviceName, main + "/" + middle + "/-"));
            }
            List<GroupObject> linked = links.objectsLinkedTo(address).stream().map(number -> {
                GroupObject object = byNumber.get(number);
                if (object == null) {
                    throw new IllegalArgumentException("object " + number + " is linked but does not exist");
                }
                return object;
            }).toList();
            GroupObject named = linked.stream()
                    .filter(o -> links.sendingAddress(o.number()).orElseThrow().equals(address)).findFirst()
                    .orElse(linked.get(0));
            csv.append(row(named.name(), links.format(address), "", "", description(linked),
                    etsDatapoint(named.datapoint()), SECURITY));
        }
        return csv.toString();
    }

    /** ETS's form of a datapoint subtype: 14.019 is DPST-14-19. */
    static String etsDatapoint(KnxDatapoint datapoint) {
        String[] parts = datapoint.id().split("\\.");
        return "DPST-" + Integer.parseInt(parts[0]) + "-" + Integer.parseInt(parts[1]);
    }

    private static String description(List<GroupObject> linked) {
        return (linked.size() == 1 ? "Object " : "Objects ")
                + linked.stream().map(o -> Integer.toString(o.number())).collect(joining(", "));
    }

    private static String range(String name, String address) {
        return row(name, address, "", "", "", "", SECURITY);
    }

    private static String row(String... cells) {
        return Arrays.stream(cells).map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(joining(",", "", LINE_END));
    }
}
