package org.echarge.web.internal;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.echarge.web.internal.security.ApiAccessFilter;
import org.echarge.web.internal.security.ApiProblem;
import org.echarge.web.internal.security.JsonRequests;
import org.echarge.web.internal.tls.CertificateRefused;
import org.echarge.web.internal.tls.GatewayTls;
import org.echarge.web.internal.tls.HttpsPortInUse;
import org.echarge.web.internal.tls.TlsCredentials;
import org.echarge.web.internal.tls.TlsState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * HTTPS for the console (login required, by the API filter): {@code GET /echarge/api/tls} the
 * connectors and the certificate; {@code PUT /echarge/api/tls} {"httpEnabled": bool} (off only
 * while HTTPS is on: else 409 {@code https-required}); {@code PUT /echarge/api/tls/certificate}
 * {"certificatePem", "privateKeyPem"} installs one's own certificate (400
 * {@code certificate-refused} with the reason, and nothing changes); {@code DELETE
 * /echarge/api/tls/certificate} goes back to a new self-signed one (e.g. after the gateway's
 * address changed). 409 {@code https-port-in-use} when HTTPS is off and another program holds its
 * port (Pax Web would then serve nothing at all).
 * <p>
 * A change restarts the web server (Pax Web), so the answer, which already tells the new state,
 * is sent and flushed first, and the change is applied after it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/echarge/api/tls", "/echarge/api/tls/*"})
@HttpWhiteboardServletName("echarge-tls")
public final class TlsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TlsServlet.class);

    record Http(Boolean httpEnabled) {
    }

    record OwnCertificate(String certificatePem, String privateKeyPem) {
    }

    private final transient ObjectMapper mapper = new ObjectMapper();
    private final transient GatewayTls tls;

    @Activate
    public TlsServlet(@Reference GatewayTls tls) {
        this.tls = tls;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        try {
            if (ApiAccessFilter.session(request).isEmpty()) {
                throw ApiProblem.unauthenticated();
            }
            if (path.isEmpty() && method.equals("GET")) {
                JsonAnswer.send(response, HttpServletResponse.SC_OK, document(tls.state()));
            } else if (path.isEmpty() && method.equals("PUT")) {
                boolean httpEnabled = JsonRequests.read(request, Http.class).httpEnabled();
                TlsState state = tls.state();
                if (!httpEnabled && !state.httpsEnabled()) {
                    throw new ApiProblem(HttpServletResponse.SC_CONFLICT, "https-required",
                            "plain HTTP can be switched off only while HTTPS is on");
                }
                answerThenApply(request, response, tls.http(httpEnabled));
            } else if (path.equals("/certificate") && method.equals("PUT")) {
                OwnCertificate body = JsonRequests.read(request, OwnCertificate.class);
                GatewayTls.Change change;
                try {
                    change = tls.own(body.certificatePem(), body.privateKeyPem());
                } catch (CertificateRefused e) {
                    throw new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, "certificate-refused", e.getMessage());
                }
                answerThenApply(request, response, change);
            } else if (path.equals("/certificate") && method.equals("DELETE")) {
                answerThenApply(request, response, tls.selfSigned());
            } else if (path.isEmpty() || path.equals("/certificate")) {
                throw new ApiProblem(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method-not-allowed",
                        method + " is not allowed here", Map.of("Allow", path.isEmpty() ? "GET, PUT" : "PUT, DELETE"));
            } else {
                throw new ApiProblem(HttpServletResponse.SC_NOT_FOUND, "not-found", "unknown resource " + path);
            }
        } catch (HttpsPortInUse e) {
            new ApiProblem(HttpServletResponse.SC_CONFLICT, "https-port-in-use", e.getMessage()).send(response);
        } catch (ApiProblem problem) {
            problem.send(response);
        }
    }

    /** Answers 200 with the state the change leads to, flushes, then applies the change. */
    private void answerThenApply(HttpServletRequest request, HttpServletResponse response, GatewayTls.Change change)
            throws IOException {
        TlsState state = tls.after(change);
        response.setHeader("Connection", "close");
        JsonAnswer.send(response, HttpServletResponse.SC_OK, document(state));
        response.flushBuffer();
        LOG.info("Web console: HTTPS change from {}: {}", request.getRemoteAddr(), change.description());
        tls.apply(change);
    }

    private ObjectNode document(TlsState state) {
        ObjectNode root = mapper.createObjectNode()
                .put("httpsEnabled", state.httpsEnabled())
                .put("httpEnabled", state.httpEnabled())
                .put("httpsPort", state.httpsPort())
                .put("httpPort", state.httpPort());
        X509Certificate certificate = state.certificate();
        if (certificate == null) {
            root.putNull("certificate");
        } else {
            root.putObject("certificate")
                    .put("subject", certificate.getSubjectX500Principal().getName())
                    .put("issuer", certificate.getIssuerX500Principal().getName())
                    .put("notBefore", certificate.getNotBefore().toInstant().toString())
                    .put("notAfter", certificate.getNotAfter().toInstant().toString())
                    .put("sha256", TlsCredentials.fingerprint(certificate))
                    .put("selfSigned", certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
        }
        return root;
    }
}
