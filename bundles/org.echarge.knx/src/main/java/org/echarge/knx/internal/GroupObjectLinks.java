package org.echarge.knx.internal;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tuwien.auto.calimero.GroupAddress;

/**
 * The group addresses each group object is linked to, valid for one configuration (built by
 * {@link #parse}). An object's first address is its sending address; it listens on all of them.
 */
public final class GroupObjectLinks {

    private static final GroupObjectLinks NONE = new GroupObjectLinks(AddressStyle.THREE_LEVEL, Map.of());

    private final AddressStyle style;
    private final SortedMap<Integer, List<GroupAddress>> byObject;

    GroupObjectLinks(AddressStyle style, Map<Integer, List<GroupAddress>> byObject) {
        this.style = style;
        SortedMap<Integer, List<GroupAddress>> copy = new TreeMap<>();
        byObject.forEach((number, addresses) -> copy.put(number, List.copyOf(addresses)));
        this.byObject = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Reads the links property (see the README for its syntax) against the objects that exist in
     * {@code setup}: either all links, valid, or every error, each naming its entry and object.
     */
    public static Validated<GroupObjectLinks> parse(List<String> entries, GroupObjectTable table, GatewaySetup setup) {
        return new LinksParser(table, setup).parse(entries);
    }

    public static GroupObjectLinks none() {
        return NONE;
    }

    /** The notation all addresses were written in (3-level where there are none). */
    public AddressStyle style() {
        return style;
    }

    /** An object's addresses, sending address first; empty if it is not linked. */
    public List<GroupAddress> addresses(int objectNumber) {
        return byObject.getOrDefault(objectNumber, List.of());
    }

    public Optional<GroupAddress> sendingAddress(int objectNumber) {
        return addresses(objectNumber).stream().findFirst();
    }

    /** The linked objects' numbers, ascending. */
    public List<Integer> objectNumbers() {
        return List.copyOf(byObject.keySet());
    }

    /** Every linked address once, ascending. */
    public List<GroupAddress> groupAddresses() {
        return byObject.values().stream().flatMap(List::stream).distinct()
                .sorted(Comparator.comparingInt(GroupAddress::getRawAddress)).toList();
    }

    /** The objects listening on an address, by number. */
    public List<Integer> objectsLinkedTo(GroupAddress address) {
        return byObject.entrySet().stream().filter(e -> e.getValue().contains(address)).map(Map.Entry::getKey)
                .toList();
    }

    public String format(GroupAddress address) {
        return style.format(address);
    }

    /** The links in the property's syntax, with absolute object numbers, e.g. "110=1/2/3,1/2/4". */
    public List<String> toEntries() {
        return byObject.entrySet().stream().map(e -> e.getKey() + "="
                + e.getValue().stream().map(this::format).collect(Collectors.joining(","))).toList();
    }
}
