package org.echarge.dlm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.echarge.api.dlm.MeterSettings;
import org.junit.jupiter.api.Test;

/** A DLM configuration is taken as a whole or refused with every wrong setting named. */
class DlmSettingsTest {

    @Test
    void defaultsAreValid() {
        DlmSettings settings = DlmSettings.of(config(Map.of("enabled", true, "meterDatapoint", "9.024",
                "strategy", "interrupt-all", "monitoring", "values-and-in-operation")));
        assertEquals(33, settings.limitAmpere(), 1e-9);
        assertEquals(MeterSettings.Measurement.POWER, settings.meter().measurement());
        assertEquals(Strategy.INTERRUPT_ALL, settings.strategy());
        assertTrue(settings.meter().inOperation());
    }

    @Test
    void everyWrongSettingIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DlmSettings.of(config(Map.of(
                "fuseAmpere", -5.0, "reserveAmpere", 50.0, "meterPhases", 2, "meterDatapoint", "7.001",
                "strategy", "first-come", "monitoring", "never", "rampIntervalSeconds", 0, "phaseVoltage", 12.0))));
        for (String setting : new String[] {"fuseAmpere", "reserveAmpere", "meterPhases", "meterDatapoint",
                "strategy", "monitoring", "rampIntervalSeconds", "phaseVoltage"}) {
            assertTrue(e.getMessage().contains(setting + ":"), setting + " in: " + e.getMessage());
        }
    }

    /** The configuration as ConfigAdmin would give it: the annotation's defaults unless overridden. */
    static LoadManagementConfig config(Map<String, Object> values) {
        return (LoadManagementConfig) Proxy.newProxyInstance(LoadManagementConfig.class.getClassLoader(),
                new Class<?>[] {LoadManagementConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    Object fallback = method.getDefaultValue();
                    if (fallback == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return fallback;
                });
    }
}
