package org.echarge.web.internal.security;

import static org.echarge.web.internal.security.ApiAccessFilter.LOGIN;
import static org.echarge.web.internal.security.ApiAccessFilter.LOGOUT;
import static org.echarge.web.internal.security.ApiAccessFilter.PASSWORD;
import static org.echarge.web.internal.security.ApiAccessFilter.SESSION;

import java.io.IOException;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Login, logout, password change and the current session (see the module README for the API).
 * Everything but login runs behind {@link ApiAccessFilter}: session and CSRF token are checked there.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({LOGIN, LOGOUT, PASSWORD, SESSION})
@HttpWhiteboardServletName("echarge-console-auth")
public final class ConsoleAuthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int SC_TOO_MANY_REQUESTS = 429;
    private static final Map<String, String> METHODS = Map.of(LOGIN, "POST", LOGOUT, "POST", PASSWORD, "POST",
            SESSION, "GET");

    record LoginRequest(String user, String password) {
    }

    record PasswordChangeRequest(String oldPassword, String newPassword) {
    }

    /** What {@code GET /session}, login and password change answer. */
    record SessionView(String user, boolean mustChangePassword, String csrfToken, String expires,
            long idleTimeoutSeconds) {
    }

    private final transient ConsoleSecurity security;
    private final transient JsonBody body = new JsonBody();
    private final transient ObjectMapper mapper = new ObjectMapper();

    @Activate
    public ConsoleAuthServlet(@Reference ConsoleSecurity security) {
        this.security = security;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = ApiAccessFilter.path(request);
        try {
            String method = METHODS.get(path);
            if (method == null) {
                throw new ApiProblem(HttpServletResponse.SC_NOT_FOUND, "not-found", "unknown resource " + path);
            }
            if (!method.equals(request.getMethod())) {
                response.setHeader("Allow", method);
                throw new ApiProblem(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method-not-allowed",
                        path + " takes " + method + " only");
            }
            switch (path) {
                case LOGIN -> login(request, response);
                case LOGOUT -> logout(request, response);
                case PASSWORD -> changePassword(request, response);
                default -> sendSession(response, authenticated(request));
            }
        } catch (ApiProblem problem) {
            problem.send(response);
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws ApiProblem, IOException {
        LoginRequest login = body.read(request, LoginRequest.class);
        ConsoleSecurity.Outcome outcome = security.login(request.getRemoteAddr(), login.user(), login.password());
        if (outcome instanceof ConsoleSecurity.Granted granted) {
            SessionCookie.read(request).flatMap(security::session).ifPresent(security::logout);
            SessionCookie.set(request, response, granted.session().id());
            sendSession(response, granted.session());
            return;
        }
        throw refusal(outcome, HttpServletResponse.SC_UNAUTHORIZED, "login-failed", "wrong user or password");
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) throws ApiProblem {
        security.logout(authenticated(request));
        SessionCookie.clear(request, response);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void changePassword(HttpServletRequest request, HttpServletResponse response)
            throws ApiProblem, IOException {
        ConsoleSession session = authenticated(request);
        PasswordChangeRequest change = body.read(request, PasswordChangeRequest.class);
        ConsoleSecurity.Outcome outcome = security.changePassword(request.getRemoteAddr(), session,
                change.oldPassword(), change.newPassword());
        if (outcome instanceof ConsoleSecurity.Granted granted) {
            SessionCookie.set(request, response, granted.session().id());
            sendSession(response, granted.session());
            return;
        }
        throw refusal(outcome, HttpServletResponse.SC_FORBIDDEN, "wrong-password", "the old password is wrong");
    }

    private static ApiProblem refusal(ConsoleSecurity.Outcome outcome, int deniedStatus, String deniedCode,
            String deniedMessage) {
        if (outcome instanceof ConsoleSecurity.Locked locked) {
            long seconds = Math.max(1, (locked.retryAfter().toMillis() + 999) / 1000);
            return new ApiProblem(SC_TOO_MANY_REQUESTS, "locked", "too many failed attempts from this address; "
                    + "try again in " + seconds + " s", Map.of("Retry-After", Long.toString(seconds)));
        }
        if (outcome instanceof ConsoleSecurity.Refused refused) {
            return new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, "password-refused", refused.reason());
        }
        return new ApiProblem(deniedStatus, deniedCode, deniedMessage);
    }

    private void sendSession(HttpServletResponse response, ConsoleSession session) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), new SessionView(session.user(), session.mustChangePassword(),
                session.csrfToken(), session.expires().toString(), security.idleTimeout().toSeconds()));
    }

    private static ConsoleSession authenticated(HttpServletRequest request) throws ApiProblem {
        return ApiAccessFilter.session(request).orElseThrow(ApiProblem::unauthenticated);
    }
}
