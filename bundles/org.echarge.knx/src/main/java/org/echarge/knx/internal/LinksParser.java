package org.echarge.knx.internal;

import static java.util.stream.Collectors.toMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tuwien.auto.calimero.GroupAddress;

/** Reads the links property into {@link GroupObjectLinks}; one instance per parse. */
final class LinksParser {

    static final String SYNTAX = "<object>=<address>[,<address>...], e.g. 110=1/2/3,1/2/4 or point2.60=1/2/3";

    private static final Pattern ENTRY = Pattern.compile("([^=]*)=(.*)");
    private static final Pattern ABSOLUTE = Pattern.compile("\\d{1,6}");
    private static final Pattern POINT_RELATIVE = Pattern.compile("point(\\d{1,4})\\.(\\d{1,4})");

    private final GroupObjectTable table;
    private final GatewaySetup setup;
    private final Map<Integer, GroupObject> existing;
    private final List<String> errors = new ArrayList<>();
    private final Map<Integer, Link> accepted = new LinkedHashMap<>();

    private record Link(String entry, GroupObject object, List<ParsedGroupAddress> addresses) {
        ParsedGroupAddress sending() {
            return addresses.get(0);
        }

        boolean links(GroupAddress address) {
            return addresses.stream().anyMatch(a -> a.address().equals(address));
        }

        String describe() {
            return object.ref().describe() + " (" + quote(entry) + ")";
        }
    }

    LinksParser(GroupObjectTable table, GatewaySetup setup) {
        this.table = table;
        this.setup = setup;
        this.existing = GatewayObjects.of(table, setup).stream()
                .collect(toMap(GroupObject::number, Function.identity()));
    }

    Validated<GroupObjectLinks> parse(List<String> entries) {
        for (String entry : entries) {
            if (!entry.isBlank()) {
                read(entry.strip());
            }
        }
        if (!errors.isEmpty()) {
            return new Validated.Invalid<>(errors);
        }
        AddressStyle style = accepted.values().stream().findFirst().map(l -> l.sending().style())
                .orElse(AddressStyle.THREE_LEVEL);
        Map<Integer, List<GroupAddress>> addresses = accepted.values().stream().collect(toMap(
                l -> l.object().number(), l -> l.addresses().stream().map(ParsedGroupAddress::address).toList()));
        return new Validated.Valid<>(new GroupObjectLinks(style, addresses));
    }

    private void read(String entry) {
        Matcher m = ENTRY.matcher(entry);
        if (!m.matches()) {
            refuse(entry, "expected " + SYNTAX);
            return;
        }
        Optional<GroupObject> object = object(entry, m.group(1).strip());
        if (object.isEmpty()) {
            return;
        }
        String prefix = quote(entry) + ": " + object.get().ref().describe() + ": ";
        Optional<List<ParsedGroupAddress>> addresses = addresses(m.group(2), prefix);
        if (addresses.isPresent()) {
            Link link = new Link(entry, object.get(), addresses.get());
            if (fits(link, prefix)) {
                accepted.put(link.object().number(), link);
            }
        }
    }

    private Optional<GroupObject> object(String entry, String text) {
        Optional<ObjectRef> ref = reference(entry, text);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        GroupObject object = existing.get(ref.get().number());
        if (object == null) {
            return refuse(entry, ref.get().describe() + " does not exist in this configuration: "
                    + GatewayObjects.absence(ref.get(), setup).orElseThrow());
        }
        return Optional.of(object);
    }

    /** The table's object that an entry names: by absolute number (110) or point-relative (point2.60). */
    private Optional<ObjectRef> reference(String entry, String text) {
        if (ABSOLUTE.matcher(text).matches()) {
            int number = Integer.parseInt(text);
            Optional<ObjectRef> ref = table.resolve(number);
            return ref.isPresent() ? ref : refuse(entry, "there is no group object " + number);
        }
        Matcher m = POINT_RELATIVE.matcher(text);
        if (!m.matches()) {
            return refuse(entry, "\"" + text + "\" is neither an object number (e.g. 110) nor a charging point's"
                    + " object (e.g. point2.60); expected " + SYNTAX);
        }
        int point = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        Optional<GroupObjectDefinition> definition = table.definition(number);
        if (point == 0) {
            return refuse(entry, "there is no charging point 0; they are numbered from 1");
        } else if (definition.isEmpty()) {
            return refuse(entry, "there is no charging point object " + number);
        } else if (definition.get().scope() != GroupObjectDefinition.Scope.POINT) {
            return refuse(entry, "object " + number + " is not a charging point object; write it as " + number);
        }
        return Optional.of(new ObjectRef(definition.get(), point));
    }

    private <T> Optional<T> refuse(String entry, String error) {
        errors.add(quote(entry) + ": " + error);
        return Optional.empty();
    }

    private Optional<List<ParsedGroupAddress>> addresses(String text, String prefix) {
        if (text.isBlank()) {
            errors.add(prefix + "no group address after '='");
            return Optional.empty();
        }
        List<ParsedGroupAddress> parsed = new ArrayList<>();
        int before = errors.size();
        for (String token : text.split(",", -1)) {
            try {
                ParsedGroupAddress address = ParsedGroupAddress.parse(token.strip());
                if (parsed.stream().anyMatch(p -> p.address().equals(address.address()))) {
                    errors.add(prefix + address + " is linked twice");
                } else {
                    parsed.add(address);
                }
            } catch (IllegalArgumentException e) {
                errors.add(prefix + e.getMessage());
            }
        }
        return errors.size() == before ? Optional.of(parsed) : Optional.empty();
    }

    /** Checks a link against the ones accepted so far; adds an error for each conflict. */
    private boolean fits(Link link, String prefix) {
        Link same = accepted.get(link.object().number());
        if (same != null) {
            errors.add(prefix + "it is already linked by " + quote(same.entry()));
            return false;
        }
        int before = errors.size();
        checkNotation(link, prefix);
        if (errors.size() == before) {
            checkSizes(link, prefix);
            checkSendingAddress(link, prefix);
        }
        return errors.size() == before;
    }

    /** One notation for all: "1/2" means 1/0/2 in a 3-level project, a typo there would go unnoticed. */
    private void checkNotation(Link link, String prefix) {
        Optional<Link> first = accepted.values().stream().findFirst();
        AddressStyle style = first.orElse(link).sending().style();
        String setter = first.map(f -> "the first link, " + quote(f.entry()) + ", uses ")
                .orElse(link.sending() + " is in ");
        link.addresses().stream().filter(a -> a.style() != style).forEach(a -> errors.add(prefix + a + " is in "
                + a.style().label() + " notation, but " + setter + style.label()
                + " notation: write all group addresses in one notation"));
    }

    /** Objects on one group address must agree on the size of its values (as ETS demands). */
    private void checkSizes(Link link, String prefix) {
        for (ParsedGroupAddress address : link.addresses()) {
            accepted.values().stream().filter(other -> other.links(address.address())).findFirst()
                    .filter(other -> other.object().sizeBits() != link.object().sizeBits())
                    .ifPresent(other -> errors.add(prefix + "its size is " + size(link) + ", but it shares " + address
                            + " with " + other.describe() + " of " + size(other)));
        }
    }

    /** Two transmitting objects on one sending address would report different things as one value. */
    private void checkSendingAddress(Link link, String prefix) {
        if (!link.object().has(GroupObjectFlag.TRANSMIT)) {
            return;
        }
        GroupAddress sending = link.sending().address();
        accepted.values().stream().filter(other -> other.object().has(GroupObjectFlag.TRANSMIT))
                .filter(other -> other.sending().address().equals(sending))
                .forEach(other -> errors.add(prefix + "its sending address " + link.sending()
                        + " is the sending address of " + other.describe()
                        + " too; two objects that transmit cannot share a sending address"));
    }

    private static String size(Link link) {
        return GroupObjectDefinition.formatSize(link.object().sizeBits());
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
