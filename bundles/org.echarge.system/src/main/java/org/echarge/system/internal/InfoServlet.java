package org.echarge.system.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /echarge/api/system/info}: the gateway's name, version and uptime, and the licence of
 * every installed bundle (the console's status bar and its licence list). Behind the console login
 * ({@code ApiAccessFilter}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/echarge/api/system/info")
@HttpWhiteboardServletName("echarge-system-info")
public final class InfoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    record Info(String name, String version, String startedAt, long uptimeSeconds, String applicationVersion,
            List<BundleLicense> licenses) {
    }

    private final transient GatewayIdentity gateway;
    private final transient Supplier<List<InstalledBundle>> bundles;
    private final transient Clock clock;
    private final transient JsonExchange json = new JsonExchange();

    @Activate
    public InfoServlet(BundleContext context) {
        this(GatewayIdentity.of(context), () -> InstalledBundle.of(context), Clock.systemUTC());
    }

    InfoServlet(GatewayIdentity gateway, Supplier<List<InstalledBundle>> bundles, Clock clock) {
        this.gateway = gateway;
        this.bundles = bundles;
        this.clock = clock;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ApiProblem.refusedUnless(request, response, "GET")) {
            return;
        }
        List<BundleLicense> licenses = bundles.get().stream().map(BundleLicense::of)
                .sorted(Comparator.comparing(BundleLicense::name, String.CASE_INSENSITIVE_ORDER)).toList();
        Instant now = clock.instant();
        json.write(response, HttpServletResponse.SC_OK, new Info(gateway.name(), gateway.version(), gateway.startedAt().toString(),
                Duration.between(gateway.startedAt(), now).toSeconds(), gateway.applicationVersion(), licenses));
    }
}
