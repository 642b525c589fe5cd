package org.echarge.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /echarge/...}: the console's files, from {@code console/} in this bundle
 * ({@code /echarge/} is {@code index.html}, {@code /echarge} redirects there). Only names made of
 * letters, digits, {@code . _ -} and {@code /} with a known extension are served; everything else
 * is 404. Files are read once; the browser revalidates them with their ETag, so an updated bundle
 * is picked up at once. {@code /echarge/api/*} belongs to longer servlet patterns and never
 * reaches this servlet.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/echarge/*")
@HttpWhiteboardServletName("echarge-console")
public final class ConsoleResourceServlet extends HttpServlet {

    static final String ROOT = "console/";
    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*"
            + "(/[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "md", "text/plain;charset=utf-8",
            "txt", "text/plain;charset=utf-8");

    /** Only files that exist, so it is bounded by the bundle's content. */
    private final transient Map<String, Resource> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        Optional<Resource> found = find(path.equals("/") ? "index.html" : path.substring(1));
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Resource resource = found.get();
        response.setHeader("ETag", resource.etag());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (matches(request.getHeader("If-None-Match"), resource.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(resource.contentType());
        response.setContentLength(resource.content().length);
        response.getOutputStream().write(resource.content());
    }

    private Optional<Resource> find(String name) {
        String type = contentType(name);
        if (type == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Resource cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        URL url = ConsoleResourceServlet.class.getClassLoader().getResource(ROOT + name);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            Resource loaded = Resource.of(in.readAllBytes(), type);
            cache.put(name, loaded);
            return Optional.of(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("console file " + name + " not readable", e);
        }
    }

    /** The content type served for a file name, {@code null} for a name that is not served. */
    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot + 1));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag) || tag.equals("*"));
    }

    private record Resource(byte[] content, String contentType, String etag) {

        static Resource of(byte[] content, String contentType) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
                return new Resource(content, contentType,
                        '"' + HexFormat.of().formatHex(digest, 0, 12) + '"');
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }
}
