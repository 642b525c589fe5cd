package org.echarge.web.internal.security;

import java.util.Optional;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The session cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other
 * site's page sends it), {@code Path=/}, {@code Secure} when the request came over HTTPS. No
 * expiry: it ends with the browser, and the server ends the session earlier anyway. Written as a
 * header because the Servlet 3.1 {@link Cookie} knows no SameSite.
 */
final class SessionCookie {

    static final String NAME = "echarge_session";

    private SessionCookie() {
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        response.addHeader("Set-Cookie", header(sessionId, request.isSecure()));
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", header("", request.isSecure()) + "; Max-Age=0");
    }

    static String header(String value, boolean secure) {
        return NAME + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
