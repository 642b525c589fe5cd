package org.echarge.modbus.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration annotation as DS hands it over: the given values, the defaults for the rest. */
final class ConfigAnnotations {

    private ConfigAnnotations() {
    }

    static <A extends Annotation> A of(Class<A> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() + values : method.invoke(values, args);
            }
            Object value = values.get(method.getName());
            if (value instanceof RuntimeException refused) {
                throw refused; // as DS does when it cannot convert a value
            }
            return value != null ? value : method.getDefaultValue();
        }));
    }

    static Rs485LineConfig rs485(Object... keysAndValues) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return of(Rs485LineConfig.class, values);
    }
}
