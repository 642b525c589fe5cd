package org.echarge.config.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Configuration properties as a component property type, converted as Declarative Services does
 * for a component (OSGi Compendium 112.8.2): the method name gives the property name ({@code _} is
 * {@code .}, {@code __} is {@code _}, {@code $_$} is {@code -}, a lone {@code $} is dropped), a
 * missing property takes the method's default, a list for a single value gives its first element
 * and a single value for a list a list of one, text is parsed into numbers, booleans and enum
 * constants. A value that cannot be converted throws {@link IllegalArgumentException} naming the
 * property when its method is called, as DS fails the component then.
 */
final class ComponentPropertyType {

    private ComponentPropertyType() {
    }

    static <A> A of(Class<A> type, Map<String, Object> properties) {
        Map<String, Object> values = Map.copyOf(properties);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return type.getSimpleName() + values;
                case "hashCode":
                    return values.hashCode();
                case "equals":
                    return proxy == args[0];
                default:
                    return value(method, values);
            }
        }));
    }

    /** The property name DS reads for a method (112.8.2.1). */
    static String propertyName(String methodName) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (methodName.startsWith("$_$", i)) {
                name.append('-');
                i += 2;
            } else if (methodName.startsWith("$$", i)) {
                name.append('$');
                i++;
            } else if (c == '$') {
                continue;
            } else if (methodName.startsWith("__", i)) {
                name.append('_');
                i++;
            } else if (c == '_') {
                name.append('.');
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static Object value(Method method, Map<String, Object> values) {
        String key = propertyName(method.getName());
        Object raw = values.containsKey(key) ? values.get(key) : method.getDefaultValue();
        Class<?> target = method.getReturnType();
        try {
            if (target.isArray()) {
                List<Object> items = items(raw);
                Object array = Array.newInstance(target.getComponentType(), items.size());
                for (int i = 0; i < items.size(); i++) {
                    Array.set(array, i, convert(items.get(i), target.getComponentType()));
                }
                return array;
            }
            List<Object> items = items(raw);
            return convert(items.isEmpty() ? null : items.get(0), target);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": " + quoted(raw) + " cannot be read as "
                    + target.getSimpleName(), e);
        }
    }

    private static List<Object> items(Object raw) {
        List<Object> items = new ArrayList<>();
        if (raw == null) {
            return items;
        } else if (raw instanceof Collection<?> collection) {
            items.addAll(collection);
        } else if (raw.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(raw); i++) {
                items.add(Array.get(raw, i));
            }
        } else {
            items.add(raw);
        }
        return items;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Object value, Class<?> target) {
        if (value == null) {
            return target.isPrimitive() ? Array.get(Array.newInstance(target, 1), 0) : null;
        }
        String text = value.toString();
        if (target == String.class) {
            return text;
        } else if (target == int.class || target == Integer.class) {
            return value instanceof Number n ? n.intValue() : Integer.valueOf(text.strip());
        } else if (target == long.class || target == Long.class) {
            return value instanceof Number n ? n.longValue() : Long.valueOf(text.strip());
        } else if (target == double.class || target == Double.class) {
            return value instanceof Number n ? n.doubleValue() : Double.valueOf(text.strip());
        } else if (target == float.class || target == Float.class) {
            return value instanceof Number n ? n.floatValue() : Float.valueOf(text.strip());
        } else if (target == short.class || target == Short.class) {
            return value instanceof Number n ? n.shortValue() : Short.valueOf(text.strip());
        } else if (target == byte.class || target == Byte.class) {
            return value instanceof Number n ? n.byteValue() : Byte.valueOf(text.strip());
        } else if (target == boolean.class || target == Boolean.class) {
            return value instanceof Boolean b ? b : Boolean.valueOf(text.strip());
        } else if (target == char.class || target == Character.class) {
            if (text.length() != 1) {
                throw new IllegalArgumentException("not one character");
            }
            return text.charAt(0);
        } else if (target.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) target, text.strip());
        } else if (target.isInstance(value)) {
            return value;
        }
        throw new IllegalArgumentException("unsupported type " + target);
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
