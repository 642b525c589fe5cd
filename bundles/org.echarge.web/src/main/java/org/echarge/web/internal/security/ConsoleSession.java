package org.echarge.web.internal.security;

import java.time.Instant;

/**
 * A logged-in browser. The id is the cookie value; the CSRF token is a second secret that the page
 * reads from {@code GET /echarge/api/session} and sends back in {@code X-CSRF-Token}.
 *
 * @param expires the absolute end, however active the session is
 */
public record ConsoleSession(String id, String user, String csrfToken, boolean mustChangePassword, Instant created,
        Instant lastUsed, Instant expires) {

    @Override
    public String toString() {
        return "ConsoleSession[" + user + ", created " + created + "]";
    }

    ConsoleSession usedAt(Instant now) {
        return new ConsoleSession(id, user, csrfToken, mustChangePassword, created, now, expires);
    }
}
