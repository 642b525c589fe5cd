package org.echarge.knx.internal.link;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one test class with the JUnit Platform and prints a line per test for {@link KnxdNamespaceTest}:
 * {@code RESULT<tab>status<tab>display name<tab>message}. Started inside the network namespace.
 */
public final class NamespaceRunner {

    static final String RESULT = "RESULT\t";

    private NamespaceRunner() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Class.forName(args[0]))).build();
        boolean[] failed = { false };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                // a failing @BeforeAll is reported on the class container
                if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    return;
                }
                String message = result.getThrowable().map(t -> {
                    t.printStackTrace(System.out);
                    return (t.getClass().getName() + ": " + t.getMessage()).replaceAll("\\s+", " ");
                }).orElse("");
                failed[0] |= result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
                System.out.println(RESULT + result.getStatus() + "\t" + id.getDisplayName() + "\t" + message);
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                failed[0] = true;
                System.out.println(RESULT + "SKIPPED\t" + id.getDisplayName() + "\t" + reason);
            }
        });
        System.out.flush();
        System.exit(failed[0] ? 1 : 0);
    }
}
