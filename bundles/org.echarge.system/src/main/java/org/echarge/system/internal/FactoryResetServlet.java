package org.echarge.system.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.api.reset.FactoryReset;
import org.echarge.api.reset.ResetReport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /echarge/api/system/factory-reset} {"confirm": "RESET"}: runs the gateway's
 * {@link FactoryReset} (spec section 11) and answers its {@link ResetReport}. The confirmation is a
 * word, not a boolean, so that no form or script resets a gateway by accident. Behind the console
 * login ({@code ApiAccessFilter}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/echarge/api/system/factory-reset")
@HttpWhiteboardServletName("echarge-system-factory-reset")
public final class FactoryResetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FactoryResetServlet.class);
    static final String CONFIRMATION = "RESET";

    record ResetBody(String confirm) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FactoryReset factoryReset;
    private final transient JsonExchange json = new JsonExchange();

    public FactoryResetServlet() {
    }

    FactoryResetServlet(FactoryReset factoryReset) {
        this.factoryReset = factoryReset;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            ApiProblem.requireMethod(request, response, "POST");
            ResetBody body = json.read(request, ResetBody.class, "confirmation-required");
            if (!CONFIRMATION.equals(body.confirm())) {
                throw ApiProblem.badRequest("confirmation-required",
                        "send {\"confirm\": \"" + CONFIRMATION + "\"} to reset the gateway to its factory settings");
            }
            FactoryReset reset = factoryReset;
            if (reset == null) {
                throw ApiProblem.notAvailable("the factory reset service is not running");
            }
            LOG.warn("Factory reset requested from the console");
            ResetReport report = reset.reset();
            json.write(response, HttpServletResponse.SC_OK, report);
        } catch (ApiProblem problem) {
            problem.send(response);
        }
    }
}
