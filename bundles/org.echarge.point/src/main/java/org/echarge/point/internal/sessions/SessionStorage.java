package org.echarge.point.internal.sessions;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Where session data lives: {@code <karaf.data>/echarge/sessions}, outside every bundle's own
 * storage, so that updating or reinstalling a bundle keeps it.
 */
@Component(service = SessionStorage.class)
public final class SessionStorage {

    private final SessionStore store;

    @Activate
    public SessionStorage(BundleContext context) {
        String data = context.getProperty("karaf.data");
        Path directory = data != null ? Path.of(data, "echarge", "sessions")
                : context.getDataFile("sessions").toPath();
        this.store = new SessionStore(directory);
    }

    public SessionStore store() {
        return store;
    }
}
