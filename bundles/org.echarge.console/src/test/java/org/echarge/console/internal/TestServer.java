package org.echarge.console.internal;

import java.net.InetSocketAddress;
import java.net.URI;

import javax.servlet.Servlet;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/** Jetty 9.4 (the container of Pax Web 8 in Karaf 4.4.10) on a free loopback port. */
final class TestServer implements AutoCloseable {

    private final Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    private final ServletContextHandler context = new ServletContextHandler();

    TestServer() {
        context.setContextPath("/");
        server.setHandler(context);
    }

    /** Adds a servlet as the whiteboard would: async support on. */
    TestServer with(Servlet servlet, String pattern) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, pattern);
        return this;
    }

    TestServer start() throws Exception {
        server.start();
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
