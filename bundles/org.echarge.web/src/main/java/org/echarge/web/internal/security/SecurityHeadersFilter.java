package org.echarge.web.internal.security;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Browser hardening for everything the gateway serves (API and console pages): scripts, styles and
 * everything else only from the gateway itself (no inline script), never in a frame, no MIME
 * sniffing, no referrer. Ranked above {@link ApiAccessFilter} so that refusals carry the headers too.
 */
@Component(service = Filter.class, property = Constants.SERVICE_RANKING + ":Integer=100")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("echarge-security-headers")
@HttpWhiteboardFilterAsyncSupported // the console's live event stream is asynchronous
public final class SecurityHeadersFilter implements Filter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Override
    public void init(FilterConfig config) {
        // nothing to set up: the filter is complete when constructed
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply((HttpServletResponse) response);
        chain.doFilter(request, response);
    }

    static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
    }
}
