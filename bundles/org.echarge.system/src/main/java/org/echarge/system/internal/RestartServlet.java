package org.echarge.system.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.karaf.system.SystemService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /echarge/api/system/restart} {"confirm": true}: 202 {"restarting": true}, and once
 * that answer has been written (the async cycle's completion, then a short grace period so it
 * leaves the socket), the gateway restarts through Karaf's {@link SystemService}, or, outside
 * Karaf, by updating the system bundle. Behind the console login ({@code ApiAccessFilter}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/echarge/api/system/restart")
@HttpWhiteboardServletName("echarge-system-restart")
@HttpWhiteboardServletAsyncSupported
public final class RestartServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RestartServlet.class);

    record RestartBody(Boolean confirm) {
    }

    /** Restarts the gateway. */
    @FunctionalInterface
    interface Reboot {
        void reboot() throws Exception;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SystemService systemService;
    private final transient Reboot reboot;
    private final transient Duration grace;
    private final transient JsonExchange json = new JsonExchange();
    private final AtomicBoolean restarting = new AtomicBoolean();

    @Activate
    public RestartServlet(BundleContext context) {
        this.reboot = () -> reboot(systemService, context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION));
        this.grace = Duration.ofSeconds(1);
    }

    RestartServlet(Reboot reboot, Duration grace) {
        this.reboot = reboot;
        this.grace = grace;
    }

    /** Karaf's restart where Karaf is; else an update of the system bundle, which restarts the framework. */
    static void reboot(SystemService karaf, Bundle systemBundle) throws Exception {
        if (karaf != null) {
            karaf.reboot("now", SystemService.Swipe.NONE);
        } else {
            systemBundle.update();
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            ApiProblem.requireMethod(request, response, "POST");
            RestartBody body = json.read(request, RestartBody.class, "bad-request");
            if (!Boolean.TRUE.equals(body.confirm())) {
                throw ApiProblem.badRequest("confirmation-required", "send {\"confirm\": true} to restart");
            }
        } catch (ApiProblem problem) {
            problem.send(response);
            return;
        }
        boolean first = restarting.compareAndSet(false, true);
        if (first && request.isAsyncSupported()) {
            AsyncContext async = request.startAsync();
            async.addListener(new AfterResponse());
            json.write(response, HttpServletResponse.SC_ACCEPTED, Map.of("restarting", true));
            async.complete();
        } else {
            json.write(response, HttpServletResponse.SC_ACCEPTED, Map.of("restarting", true));
            response.flushBuffer();
            if (first) {
                restartLater();
            }
        }
    }

    private void restartLater() {
        LOG.warn("Restart requested from the console");
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(grace.toMillis());
                reboot.reboot();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                restarting.set(false);
            } catch (Exception e) {
                LOG.error("Restart failed", e);
                restarting.set(false);
            }
        }, "echarge-restart");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the restart when the container has completed the answer, whichever way it ended. */
    private final class AfterResponse implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            restartLater();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // complete() is called right away: no timeout
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
