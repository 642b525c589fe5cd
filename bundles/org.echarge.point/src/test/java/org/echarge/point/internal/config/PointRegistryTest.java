package org.echarge.point.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.echarge.api.DeviceAddress;
import org.echarge.api.fault.GeneralFault;
import org.echarge.point.internal.fault.GatewayFaultsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PointRegistryTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final GatewayFaultsService faults = new GatewayFaultsService();
    private final PointRegistry registry = new PointRegistry(faults, executor);
    private final Map<String, String> pointProblems = new HashMap<>();

    @AfterEach
    void stop() {
        registry.close();
        executor.shutdownNow();
    }

    @Test
    void noPointMeansConfNoCharger() {
        registry.evaluate();
        assertTrue(faults.status().present());
        assertEquals(GeneralFault.CONF_NO_CHARGER, faults.status().shown());
    }

    @Test
    void aDuplicateEndpointFlagsBothPointsUntilOneIsFixed() {
        register("pid-1", 1, "10.0.0.5");
        register("pid-2", 2, "10.0.0.5");
        registry.evaluate();

        assertEquals(GeneralFault.CONF_CHARGER, faults.status().shown());
        assertTrue(faults.status().detail().contains("charging points 1, 2 have the same Modbus TCP endpoint"),
                faults.status().detail());
        assertTrue(pointProblems.get("pid-1").contains("10.0.0.5:502"));
        assertTrue(pointProblems.get("pid-2").contains("10.0.0.5:502"));

        registry.unregister("pid-2");
        register("pid-2", 2, "10.0.0.6");
        registry.evaluate();

        assertFalse(faults.status().present());
        assertNull(pointProblems.get("pid-1"));
        assertNull(pointProblems.get("pid-2"));
        assertEquals(GeneralFault.CONF_CHARGER, faults.status().shown()); // the last fault stays shown
    }

    private void register(String id, int number, String host) {
        registry.register(new PointEntry(id, number, "keba", DeviceAddress.tcp(host, 502, 1), true),
                problems -> pointProblems.put(id, problems.isEmpty() ? null
                        : problems.stream().map(ConfigProblem::message).collect(java.util.stream.Collectors.joining("; "))));
    }
}
