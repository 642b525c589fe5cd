package org.echarge.system.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.system.internal.NetworkDocument.Change;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /echarge/api/system/network} the host's network and NTP settings, {@code PUT} the same
 * shape (without {@code editable} and {@code reason}) changes them: 400 {@code invalid-network}
 * naming the field, 409 {@code read-only}; nothing is written unless everything is valid. Behind
 * the console login ({@code ApiAccessFilter}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/echarge/api/system/network")
@HttpWhiteboardServletName("echarge-system-network")
public final class NetworkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient HostNetwork host;
    private final transient JsonExchange json = new JsonExchange();

    @Activate
    public NetworkServlet(@Reference HostNetwork host) {
        this.host = host;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            switch (request.getMethod()) {
                case "GET" -> json.write(response, HttpServletResponse.SC_OK, host.state());
                case "PUT" -> {
                    Change change = json.read(request, Change.class, NetworkValidator.CODE);
                    json.write(response, HttpServletResponse.SC_OK, host.apply(change));
                }
                default -> throw ApiProblem.methodNotAllowed(request, response, "GET, PUT");
            }
        } catch (ApiProblem problem) {
            problem.send(response);
        }
    }
}
