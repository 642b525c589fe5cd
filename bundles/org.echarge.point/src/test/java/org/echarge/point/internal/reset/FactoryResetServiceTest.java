package org.echarge.point.internal.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.echarge.api.reset.ResetParticipant;
import org.echarge.api.reset.ResetReport;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class FactoryResetServiceTest {

    private final List<String> stored = new ArrayList<>(List.of("org.echarge.dlm", "org.echarge.knx",
            "org.echarge.point~carport", "org.echarge.system.host"));
    private final List<String> calls = new ArrayList<>();

    @Test
    void participantsRunThenEveryParameterGoesButTheInstallationStays() {
        FactoryResetService reset = new FactoryResetService(configurationAdmin());
        reset.bindParticipant(participant("web console password"));
        reset.bindParticipant(participant("network"));

        ResetReport report = reset.reset();

        assertEquals(List.of("reset web console password", "reset network", "list " + FactoryResetService.GATEWAY_CONFIGURATIONS,
                "delete org.echarge.dlm", "delete org.echarge.knx", "delete org.echarge.point~carport"), calls);
        assertEquals(List.of("org.echarge.system.host"), stored, "the host adapter's installation settings stay");
        assertEquals(List.of("org.echarge.dlm", "org.echarge.knx", "org.echarge.point~carport"),
                report.deletedConfigurations());
        assertEquals(List.of("web console password", "network"), report.participants());
        assertEquals(List.of(), report.failures());
    }

    private ResetParticipant participant(String name) {
        return new ResetParticipant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void resetToFactory() {
                calls.add("reset " + name);
            }
        };
    }

    private ConfigurationAdmin configurationAdmin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("listConfigurations")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add("list " + args[0]);
                    return stored.stream().map(this::configuration).toArray(Configuration[]::new);
                });
    }

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> pid;
                    case "delete" -> {
                        calls.add("delete " + pid);
                        stored.remove(pid);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
