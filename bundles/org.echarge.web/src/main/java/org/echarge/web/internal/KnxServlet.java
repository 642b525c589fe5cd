package org.echarge.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.api.knx.KnxDevice;
import org.echarge.api.knx.KnxObject;
import org.echarge.api.knx.KnxState;
import org.echarge.web.internal.security.ApiProblem;
import org.echarge.web.internal.security.JsonRequests;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The KNX side for the console (login required, by the API filter): {@code GET /echarge/api/knx}
 * the device and its group object table, {@code GET /echarge/api/knx/ets.csv} the linked group
 * addresses for an ETS import, {@code POST /echarge/api/knx/programming-mode} {"on": true|false}.
 * 503 while the KNX binding is not installed.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/echarge/api/knx", "/echarge/api/knx/*"})
@HttpWhiteboardServletName("echarge-knx")
public final class KnxServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    record ProgrammingMode(Boolean on) {
    }

    private final transient ObjectMapper mapper = new ObjectMapper();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KnxDevice knx;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            KnxDevice device = knx;
            if (device == null) {
                throw new ApiProblem(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "not-available",
                        "the KNX binding is not installed");
            }
            String method = request.getMethod();
            if (path.isEmpty() && method.equals("GET")) {
                json(response, document(device));
            } else if (path.equals("/ets.csv") && method.equals("GET")) {
                response.setContentType("text/csv");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Content-Disposition", "attachment; filename=\"e-charge-group-addresses.csv\"");
                response.getOutputStream().write(device.etsGroupAddressCsv().getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/programming-mode") && method.equals("POST")) {
                ProgrammingMode body = JsonRequests.read(request, ProgrammingMode.class);
                if (body.on() == null) {
                    throw new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, "bad-request", "field 'on' is missing");
                }
                device.programmingMode(body.on());
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else if (path.isEmpty() || path.equals("/ets.csv") || path.equals("/programming-mode")) {
                throw new ApiProblem(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method-not-allowed",
                        method + " is not allowed here");
            } else {
                throw new ApiProblem(HttpServletResponse.SC_NOT_FOUND, "not-found", "unknown resource " + path);
            }
        } catch (ApiProblem problem) {
            problem.send(response);
        }
    }

    private ObjectNode document(KnxDevice device) {
        KnxState state = device.state();
        ObjectNode root = mapper.createObjectNode();
        StatusDocument.knxState(root, state);
        ArrayNode objects = root.putArray("objects");
        for (KnxObject object : device.objects()) {
            ObjectNode row = objects.addObject();
            row.put("number", object.number());
            row.put("name", object.name());
            row.put("datapoint", object.datapoint());
            row.put("flags", object.flags());
            object.addresses().forEach(row.putArray("addresses")::add);
        }
        return root;
    }

    private void json(HttpServletResponse response, ObjectNode body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        mapper.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), body);
    }
}
