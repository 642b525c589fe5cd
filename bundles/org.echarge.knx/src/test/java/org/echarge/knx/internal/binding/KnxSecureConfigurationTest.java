package org.echarge.knx.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.echarge.api.knx.KnxState;
import org.echarge.knx.internal.link.CalimeroServer;
import org.echarge.knx.internal.link.TestKeyring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KNX Secure through the binding's configuration (PID org.echarge.knx) against calimero-server
 * 2.6-rc1: a secure tunnel from a keyring; invalid secure settings refused as a whole with the
 * message in the KNX state, the running binding staying; a wrong user password shown in the state.
 */
class KnxSecureConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String KEYRING_PASSWORD = "keyring password";

    @TempDir
    static Path work;
    static CalimeroServer server;
    static Path keyring;

    private KnxBindingComponent component;

    @BeforeAll
    static void startServer() throws Exception {
        server = CalimeroServer.start(work);
        keyring = TestKeyring.withTunnel("1.1.1", "1.1.10", 2, CalimeroServer.USER_2_PASSWORD,
                CalimeroServer.DEVICE_AUTHENTICATION_CODE, work.resolve("site.knxkeys"), KEYRING_PASSWORD);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void deactivate() {
        if (component != null) {
            component.deactivate();
        }
    }

    @Test
    void aSecureTunnelFromTheKeyringConnects() throws Exception {
        component = new KnxBindingComponent(null, new VirtualKnxService(), config(Map.of()));
        KnxState state = await(s -> s.connection() == KnxState.Connection.CONNECTED);
        assertEquals("KNX IP Secure tunnel (TCP) to 127.0.0.1:" + server.port(), state.target());
        assertEquals("1.1.10", state.individualAddress());
        assertEquals(List.of(), state.problems());

        // invalid secure settings: refused as a whole, the running binding stays
        component.modified(config(Map.of("keyringPassword", "wrong")));
        assertEquals(List.of("keyring password: wrong password for the keyring " + keyring
                + " (or the file was changed after ETS exported it: its signature does not match)"),
                component.state().problems());
        assertEquals(KnxState.Connection.CONNECTED, component.state().connection());
    }

    @Test
    void aWrongUserPasswordIsShownInTheKnxState() throws Exception {
        component = new KnxBindingComponent(null, new VirtualKnxService(), config(Map.of("keyringFile", "",
                "keyringPassword", "", "tunnelUserId", 2, "tunnelUserPassword", "not the password",
                "deviceAuthenticationCode", CalimeroServer.DEVICE_AUTHENTICATION_CODE)));
        KnxState state = await(s -> !s.problems().isEmpty());
        assertEquals(KnxState.Connection.LOST, state.connection());
        assertEquals(List.of("KNX connection: cannot connect: secure session authorization failed"),
                state.problems());
    }

    @Test
    void invalidSecureSettingsKeepTheBindingFromStarting() {
        Path missing = work.resolve("missing.knxkeys");
        component = new KnxBindingComponent(null, new VirtualKnxService(),
                config(Map.of("keyringFile", missing.toString())));
        KnxState state = component.state();
        assertEquals(KnxState.Connection.OFF, state.connection());
        assertEquals(List.of("keyring file " + missing + " does not exist"), state.problems());

        component.modified(config(Map.of("keyringFile", "", "keyringPassword", "")));
        assertEquals(List.of("mode TUNNELING_SECURE needs a keyring file with the secure tunnel of 1.1.10, or the "
                + "secure tunnel user ID, user password and device authentication code"),
                component.state().problems());
    }

    private KnxState await(Predicate<KnxState> condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        KnxState state = component.state();
        while (!condition.test(state) && System.nanoTime() < end) {
            Thread.sleep(20);
            state = component.state();
        }
        return state;
    }

    /** The configuration with secure tunnelling to the server from the keyring, and {@code changes}. */
    private static KnxBindingConfig config(Map<String, Object> changes) {
        Map<String, Object> values = new HashMap<>(Map.of("mode", "TUNNELING_SECURE", "host", "127.0.0.1",
                "port", server.port(), "localAddress", "127.0.0.1", "individualAddress", "1.1.10",
                "keyringFile", keyring.toString(), "keyringPassword", KEYRING_PASSWORD));
        values.putAll(changes);
        return (KnxBindingConfig) Proxy.newProxyInstance(KnxBindingConfig.class.getClassLoader(),
                new Class<?>[] {KnxBindingConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> KnxBindingConfig.class;
                    case "toString", "hashCode", "equals" -> throw new UnsupportedOperationException();
                    default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }
}
