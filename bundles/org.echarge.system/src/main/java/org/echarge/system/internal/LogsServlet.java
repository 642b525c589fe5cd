package org.echarge.system.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /echarge/api/system/logs.zip}: Karaf's log files ({@code karaf.log}, else
 * {@code karaf.data/log}) with secrets redacted, plus {@code gateway.txt}, streamed as an
 * attachment. Behind the console login like every API servlet ({@code ApiAccessFilter}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/echarge/api/system/logs.zip")
@HttpWhiteboardServletName("echarge-system-logs")
public final class LogsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LogsServlet.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final transient LogArchive archive;
    private final transient GatewayIdentity gateway;
    private final transient Supplier<List<InstalledBundle>> bundles;
    private final transient Clock clock;

    @Activate
    public LogsServlet(BundleContext context) {
        this(logDirectory(context), GatewayIdentity.of(context), () -> InstalledBundle.of(context), Clock.systemUTC());
    }

    LogsServlet(Path logDirectory, GatewayIdentity gateway, Supplier<List<InstalledBundle>> bundles, Clock clock) {
        this.archive = new LogArchive(logDirectory);
        this.gateway = gateway;
        this.bundles = bundles;
        this.clock = clock;
    }

    static Path logDirectory(BundleContext context) {
        String log = context.getProperty("karaf.log");
        if (log != null && !log.isBlank()) {
            return Path.of(log);
        }
        String data = context.getProperty("karaf.data");
        return Path.of(data == null ? "data" : data, "log");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ApiProblem.refusedUnless(request, response, "GET")) {
            return;
        }
        var now = clock.instant();
        response.setContentType("application/zip");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"echarge-logs-" + STAMP.format(now) + ".zip\"");
        try {
            archive.write(response.getOutputStream(), GatewayReport.of(gateway, now, bundles.get()));
        } catch (IOException e) {
            // the status line is gone with the first bytes: the client sees a truncated ZIP
            LOG.warn("Log archive aborted: {}", e.toString());
            throw e;
        }
    }
}
