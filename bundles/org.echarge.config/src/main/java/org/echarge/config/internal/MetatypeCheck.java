package org.echarge.config.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.echarge.api.config.ConfigurationProblem;

/**
 * The metatype's rules for one configuration: only attributes the metatype has, each value of its
 * type (a number given as text, as in an untyped {@code .cfg} file, counts when it reads as that
 * type), one value or at most the cardinality's number of values, one of the options where there
 * are options, within min and max where the metatype has them (numbers), and every required
 * attribute without a default present. Values come out typed as the metatype says, so that the
 * stored configuration and a proposed one compare by value, not by spelling.
 */
final class MetatypeCheck {

    /** The typed properties, or the problems (then the properties are incomplete). */
    record Result(Map<String, Object> properties, List<ConfigurationProblem> problems) {
    }

    private MetatypeCheck() {
    }

    static Result check(ConfigEntry entry, SchemaSection section) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        String pid = entry.pid() != null ? entry.pid() : entry.factoryPid();
        entry.properties().forEach((key, value) -> {
            Optional<SchemaAttribute> attribute = section.attribute(key);
            if (attribute.isEmpty()) {
                problems.add(new ConfigurationProblem(pid, entry.name(), key, "unknown attribute '" + key + "'; "
                        + section.pid() + " has " + section.attributes().stream().map(SchemaAttribute::id)
                                .collect(Collectors.joining(", "))));
                return;
            }
            try {
                typed.put(key, value(value, attribute.get()));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigurationProblem(pid, entry.name(), key, key + ": " + e.getMessage()));
            }
        });
        for (SchemaAttribute attribute : section.attributes()) {
            boolean noDefault = attribute.defaultValue() == null || attribute.defaultValue().isEmpty();
            if (attribute.required() && noDefault && !entry.properties().containsKey(attribute.id())) {
                problems.add(new ConfigurationProblem(pid, entry.name(), attribute.id(),
                        attribute.id() + ": required (" + attribute.name() + ")"));
            }
        }
        return new Result(typed, problems);
    }

    /** A value as the attribute's type: one value, or an array for a multi-valued attribute. */
    static Object value(Object value, SchemaAttribute attribute) {
        if (value == null) {
            throw new IllegalArgumentException("no value (null)");
        }
        if (!attribute.multiple()) {
            if (value instanceof Collection || value.getClass().isArray()) {
                throw new IllegalArgumentException("takes one value, not a list");
            }
            return checked(scalar(value, attribute.type()), attribute);
        }
        List<Object> values = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            values.addAll(collection);
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                values.add(Array.get(value, i));
            }
        } else {
            values.add(value);
        }
        int most = Math.abs(attribute.cardinality());
        if (most != Integer.MAX_VALUE && values.size() > most) {
            throw new IllegalArgumentException("at most " + most + " values, not " + values.size());
        }
        Object array = Array.newInstance(javaType(attribute.type()), values.size());
        for (int i = 0; i < values.size(); i++) {
            Object element = values.get(i);
            if (element == null || element instanceof Collection || element instanceof Map) {
                throw new IllegalArgumentException("value " + (i + 1) + " is not a single " + attribute.type());
            }
            Array.set(array, i, checked(scalar(element, attribute.type()), attribute));
        }
        return array;
    }

    static Class<?> javaType(String type) {
        return switch (type) {
            case "integer" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            default -> String.class;
        };
    }

    private static Object scalar(Object value, String type) {
        if (value instanceof Map || value instanceof Collection) {
            throw new IllegalArgumentException("must be a " + type + ", not a JSON object or list");
        }
        return switch (type) {
            case "integer" -> whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type).intValue();
            case "long" -> whole(value, Long.MIN_VALUE, Long.MAX_VALUE, type).longValue();
            case "double" -> decimal(value);
            case "boolean" -> bool(value);
            default -> {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException("must be text, not " + value);
                }
                yield text;
            }
        };
    }

    private static BigInteger whole(Object value, long min, long max, String type) {
        BigInteger number;
        try {
            if (value instanceof String text) {
                number = new BigInteger(text.strip());
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte || value instanceof BigInteger) {
                number = new BigInteger(value.toString());
            } else if (value instanceof Number) {
                number = new BigDecimal(value.toString()).toBigIntegerExact();
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a whole number (" + type + "), not " + quoted(value));
        }
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException(number + " does not fit an " + type);
        }
        return number;
    }

    private static Double decimal(Object value) {
        double number;
        try {
            if (value instanceof String text) {
                number = Double.parseDouble(text.strip());
            } else if (value instanceof Number n) {
                number = n.doubleValue();
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number, not " + quoted(value));
        }
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException("must be a finite number, not " + quoted(value));
        }
        return number;
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text && (text.strip().equalsIgnoreCase("true") || text.strip().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(text.strip().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("must be true or false, not " + quoted(value));
    }

    /** Options and min/max of one typed value. */
    private static Object checked(Object value, SchemaAttribute attribute) {
        if (!attribute.options().isEmpty() && attribute.options().stream()
                .noneMatch(option -> sameValue(option.value(), value, attribute.type()))) {
            throw new IllegalArgumentException("must be one of " + attribute.options().stream()
                    .map(SchemaAttribute.Option::value).collect(Collectors.joining(", ")) + ", not " + quoted(value));
        }
        if (value instanceof Number number) {
            double n = number.doubleValue();
            if (attribute.min() != null && n < Double.parseDouble(attribute.min())) {
                throw new IllegalArgumentException("at least " + attribute.min() + ", not " + value);
            }
            if (attribute.max() != null && n > Double.parseDouble(attribute.max())) {
                throw new IllegalArgumentException("at most " + attribute.max() + ", not " + value);
            }
        }
        return value;
    }

    private static boolean sameValue(String option, Object value, String type) {
        try {
            return Objects.equals(scalar(option, type), value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
