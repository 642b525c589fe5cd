package org.echarge.point.internal.sessions;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.echarge.api.point.FinishedSession;
import org.echarge.api.point.SessionHistory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Where session data lives: {@code <karaf.data>/echarge/sessions}, outside every bundle's own
 * storage, so that updating or reinstalling a bundle keeps it. Also the gateway's
 * {@link SessionHistory}: the finished sessions of the store's history, for the web console.
 */
@Component(service = {SessionStorage.class, SessionHistory.class})
public final class SessionStorage implements SessionHistory {

    /** Newest first: latest start first; of two that started together, the one that ended last. */
    private static final Comparator<FinishedSession> NEWEST_FIRST = Comparator.comparing(FinishedSession::start)
            .thenComparing(FinishedSession::end).reversed();

    private final SessionStore store;

    @Activate
    public SessionStorage(BundleContext context) {
        this(directory(context));
    }

    SessionStorage(Path directory) {
        this.store = new SessionStore(directory);
    }

    private static Path directory(BundleContext context) {
        String data = context.getProperty("karaf.data");
        return data != null ? Path.of(data, "echarge", "sessions") : context.getDataFile("sessions").toPath();
    }

    public SessionStore store() {
        return store;
    }

    @Override
    public List<FinishedSession> sessions(Filter filter) throws IOException {
        return store.history().stream()
                .map(s -> new FinishedSession(s.point(), s.start(), s.end(), s.energyWattHour(), s.rfidTag()))
                .filter(filter::test)
                .sorted(NEWEST_FIRST)
                .toList();
    }

    @Override
    public void exportCsv(Filter filter, Writer out) throws IOException {
        SessionCsv.write(sessions(filter), out);
    }
}
