package org.echarge.system.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.servlet.Servlet;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * Jetty 9.4 (the container of Pax Web 8 in Karaf 4.4.10) on 127.0.0.1, with servlets at their
 * whiteboard patterns and async support as the whiteboard gives it. In the gateway,
 * {@code ApiAccessFilter} (org.echarge.web) stands in front of all of them; its session and CSRF
 * checks are tested there, these tests talk to the servlets directly.
 */
final class JettyServer implements AutoCloseable {

    private final Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    private final ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    JettyServer servlet(Servlet servlet, String pattern, boolean async) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(async);
        context.addServlet(holder, pattern);
        return this;
    }

    JettyServer start() throws Exception {
        context.setContextPath("/");
        server.setHandler(context);
        server.start();
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request with a JSON body (or any content type, {@code null} for none). */
    HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> json(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, "application/json", body);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
