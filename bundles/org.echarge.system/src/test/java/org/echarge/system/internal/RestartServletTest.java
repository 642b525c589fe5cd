package org.echarge.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.karaf.system.SystemService;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * {@code POST /echarge/api/system/restart} over HTTP in Jetty. The fake restart does what a real one
 * does to the client: it stops the HTTP server at once (no grace period). The answer must still
 * arrive whole, so the restart can only have begun after it was sent.
 */
class RestartServletTest {

    private static final String PATH = "/echarge/api/system/restart";

    /** A restart that stops the server the moment it is called, and counts the calls. */
    private static final class StoppingRestart {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);
        JettyServer server;

        void reboot() throws Exception {
            calls.incrementAndGet();
            server.close();
            done.countDown();
        }
    }

    private static void restartsAfterTheAnswer(boolean async) throws Exception {
        StoppingRestart restart = new StoppingRestart();
        restart.server = new JettyServer().servlet(new RestartServlet(restart::reboot, Duration.ZERO), PATH, async)
                .start();

        HttpResponse<String> response = restart.server.json("POST", PATH, "{\"confirm\": true}");

        assertEquals(202, response.statusCode());
        assertEquals("{\n  \"restarting\" : true\n}", response.body());
        assertTrue(restart.done.await(10, TimeUnit.SECONDS), "no restart");
        assertEquals(1, restart.calls.get());
    }

    @Test
    void theGatewayRestartsAfterThe202HasBeenSent() throws Exception {
        restartsAfterTheAnswer(true);
    }

    @Test
    void alsoWhereTheContainerGivesNoAsyncSupport() throws Exception {
        restartsAfterTheAnswer(false);
    }

    @Test
    void withoutConfirmationNothingRestarts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (JettyServer server = new JettyServer()
                .servlet(new RestartServlet(calls::incrementAndGet, Duration.ZERO), PATH, true).start()) {
            String[][] cases = {{"{\"confirm\": false}", "confirmation-required"}, {"{}", "confirmation-required"},
                {"{\"confirm\": null}", "confirmation-required"}, {"{\"confirm\": \"true\"}", "bad-request"},
                {"{\"confirm\": 1}", "bad-request"}, {"{\"confirm\": true, \"now\": true}", "bad-request"},
                {"", "bad-request"}, {"{\"confirm\": tru", "bad-request"}};
            for (String[] test : cases) {
                HttpResponse<String> response = server.json("POST", PATH, test[0]);
                assertEquals(400, response.statusCode(), test[0]);
                assertTrue(response.body().contains("\"" + test[1] + "\""), test[0] + " -> " + response.body());
            }
            assertEquals(413, server.json("POST", PATH, "{\"confirm\": true, \"x\": \"" + "a".repeat(20_000) + "\"}")
                    .statusCode());
            assertEquals(415, server.send("POST", PATH, "text/plain", "{\"confirm\": true}").statusCode());
            assertEquals(405, server.get(PATH).statusCode());
            Thread.sleep(200);
            assertEquals(0, calls.get());
        }
    }

    /** Records the calls made on a fake of {@code type}: only the methods the restart may call answer. */
    private static <T> T recording(Class<T> type, List<String> calls) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? "" : Arrays.toString(args)));
                    return null;
                }));
    }

    @Test
    void karafRestartsTheGatewayWhereItRuns() throws Exception {
        List<String> calls = new ArrayList<>();

        RestartServlet.reboot(recording(SystemService.class, calls), recording(Bundle.class, calls));

        assertEquals(List.of("reboot[now, NONE]"), calls);
    }

    @Test
    void elsewhereTheSystemBundleIsUpdated() throws Exception {
        List<String> calls = new ArrayList<>();

        RestartServlet.reboot(null, recording(Bundle.class, calls));

        assertEquals(List.of("update"), calls);
    }
}
