package org.echarge.meter.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link ManualMeterConfig} as DS hands it over, written like the .cfg file: property keys
 * ({@code currentL1.register}) with values, typed or as text; defaults for the rest. A {@link RuntimeException}
 * as value is thrown when read, as DS does with a value it cannot convert.
 */
final class ManualConfigs {

    private ManualConfigs() {
    }

    static ManualMeterConfig of(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return (ManualMeterConfig) Proxy.newProxyInstance(ManualMeterConfig.class.getClassLoader(),
                new Class<?>[] {ManualMeterConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "ManualMeterConfig" + values
                                : method.invoke(values, args);
                    }
                    String key = method.getName().replace('_', '.'); // DS: currentL1_register -> currentL1.register
                    Object value = values.get(key);
                    if (value instanceof RuntimeException refused) {
                        throw refused;
                    }
                    return value == null ? method.getDefaultValue() : convert(value, method.getReturnType());
                });
    }

    /** A .cfg file holds text; DS converts it, and fails on text that is not a number. */
    private static Object convert(Object value, Class<?> type) {
        if (!(value instanceof String text) || type == String.class) {
            return value;
        }
        if (type == int.class) {
            return Integer.parseInt(text.trim());
        }
        if (type == double.class) {
            return Double.parseDouble(text.trim());
        }
        return type == boolean.class ? Boolean.parseBoolean(text.trim()) : value;
    }

    /** Adds to or overrides the given settings. */
    static Object[] with(Object[] base, Object... more) {
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
