package org.echarge.web.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * The gate in front of every servlet under {@value #API}, present and future: a valid session
 * (else 401), the session's CSRF token in {@value #CSRF_HEADER} on every request but GET and HEAD
 * (else 403), and nothing but {@link #WHILE_PASSWORD_MUST_CHANGE} while the initial password has
 * not been changed (else 403). Open without a session: {@link #OPEN} (health for scripts and
 * monitoring, login). Every API answer is {@code Cache-Control: no-store}.
 * <p>
 * The session goes to the servlets as a request attribute; {@link #session} reads it, so a
 * servlet can refuse when the filter was not in front of it (fail closed).
 */
@Component(service = Filter.class, property = Constants.SERVICE_RANKING + ":Integer=50")
@HttpWhiteboardFilterPattern(ApiAccessFilter.API + "/*")
@HttpWhiteboardFilterName("echarge-api-access")
@HttpWhiteboardFilterAsyncSupported // the console's live event stream is asynchronous
public final class ApiAccessFilter implements Filter {

    public static final String API = "/echarge/api";
    public static final String HEALTH = API + "/health";
    public static final String LOGIN = API + "/login";
    public static final String LOGOUT = API + "/logout";
    public static final String PASSWORD = API + "/password";
    public static final String SESSION = API + "/session";
    static final Set<String> OPEN = Set.of(HEALTH, LOGIN);
    static final Set<String> WHILE_PASSWORD_MUST_CHANGE = Set.of(SESSION, PASSWORD, LOGOUT);
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");
    private static final String SESSION_ATTRIBUTE = ConsoleSession.class.getName();

    private final ConsoleSecurity security;

    @Activate
    public ApiAccessFilter(@Reference ConsoleSecurity security) {
        this.security = security;
    }

    /** The session the filter let through, or empty (then the filter was not in front). */
    public static Optional<ConsoleSession> session(HttpServletRequest request) {
        return request.getAttribute(SESSION_ATTRIBUTE) instanceof ConsoleSession session
                ? Optional.of(session) : Optional.empty();
    }

    /** The decoded, normalised path the container dispatches on (not the raw request URI). */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        return request.getPathInfo() == null ? servletPath : servletPath + request.getPathInfo();
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to set up: the filter is complete when constructed
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        SecurityHeadersFilter.apply(response);
        response.setHeader("Cache-Control", "no-store");
        String path = path(request);
        if (OPEN.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            request.setAttribute(SESSION_ATTRIBUTE, admit(request, response, path));
        } catch (ApiProblem problem) {
            problem.send(response);
            return;
        }
        chain.doFilter(request, response);
    }

    private ConsoleSession admit(HttpServletRequest request, HttpServletResponse response, String path)
            throws ApiProblem {
        Optional<String> id = SessionCookie.read(request);
        Optional<ConsoleSession> found = id.flatMap(security::session);
        if (found.isEmpty()) {
            if (id.isPresent()) {
                SessionCookie.clear(request, response);
            }
            throw ApiProblem.unauthenticated();
        }
        ConsoleSession session = found.get();
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
            throw new ApiProblem(HttpServletResponse.SC_FORBIDDEN, "csrf",
                    "the " + CSRF_HEADER + " header is missing or wrong; read it from " + SESSION);
        }
        if (session.mustChangePassword() && !WHILE_PASSWORD_MUST_CHANGE.contains(path)) {
            throw new ApiProblem(HttpServletResponse.SC_FORBIDDEN, "password-change-required",
                    "change the initial password first (" + PASSWORD + ")");
        }
        return session;
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, ConsoleSession session) {
        String sent = request.getHeader(CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
