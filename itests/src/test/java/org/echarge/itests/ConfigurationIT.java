package org.echarge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.echarge.api.knx.KnxDevice;
import org.echarge.api.point.ChargingPoint;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The configuration API in the real distribution: the exported configuration of the demo site is
 * valid for every bundle's rules, a value changed through PUT reaches its component, a refused
 * document changes nothing, and KNX links are checked against the DLM settings of the same document.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigurationIT extends GatewayTestSupport {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    @Test
    public void theExportedConfigurationIsValidAndAChangeThroughPutReachesTheComponent() throws Exception {
        configureDemoSite();
        waitFor("point 2", Duration.ofSeconds(30), () -> point(2) != null);
        String api = "http://127.0.0.1:" + configurationAdmin.getConfiguration("org.ops4j.pax.web", null)
                .getProperties().get("org.osgi.service.http.port") + "/echarge/api/";
        String csrf = login(api);

        HttpResponse<String> export = send("GET", api + "config/export", null, null);
        assertEquals(export.body(), 200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").startsWith(
                "attachment; filename=\"echarge-config-"));
        ObjectNode document = (ObjectNode) json.readTree(export.body());
        assertEquals("echarge-config", document.get("format").asText());
        HttpResponse<String> validation = send("POST", api + "config/validate", csrf, document.toString());
        assertEquals(validation.body(), 200, validation.statusCode());
        assertTrue(validation.body(), json.readTree(validation.body()).get("valid").asBoolean());

        ObjectNode point2 = null;
        for (JsonNode entry : document.get("configurations")) {
            if ("org.echarge.point".equals(entry.get("factoryPid").asText())
                    && entry.get("properties").get("number").asInt() == 2) {
                point2 = (ObjectNode) entry.get("properties");
            }
        }
        assertTrue(document.toString(), point2 != null);
        point2.put("name", "Renamed through PUT");
        HttpResponse<String> applied = send("PUT", api + "config", csrf, document.toString());
        assertEquals(applied.body(), 200, applied.statusCode());
        assertEquals(applied.body(), 1, json.readTree(applied.body()).get("changed").asInt());
        waitFor("point 2 renamed", Duration.ofSeconds(30), () -> point(2) != null
                && "Renamed through PUT".equals(point(2).status().name()));

        point2.put("number", 1); // the number of point 1 too
        HttpResponse<String> refused = send("PUT", api + "config", csrf, document.toString());
        assertEquals(refused.body(), 422, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("same point number"));
        Thread.sleep(1000);
        assertEquals("Renamed through PUT", point(2).status().name());

        // KNX links to the smart meter's objects are valid only with DLM on in the same document
        ObjectNode current = (ObjectNode) json.readTree(send("GET", api + "config", null, null).body());
        ArrayNode configurations = (ArrayNode) current.get("configurations");
        configurations.addObject().put("pid", "org.echarge.knx").putNull("factoryPid").putNull("name")
                .putObject("properties").put("mode", "VIRTUAL").put("host", "itest-config")
                .put("individualAddress", "1.1.1").putArray("links").add("10=0/1/10").add("point2.50=1/2/50");
        HttpResponse<String> withoutDlm = send("PUT", api + "config", csrf, current.toString());
        assertEquals(withoutDlm.body(), 422, withoutDlm.statusCode());
        assertTrue(withoutDlm.body(), withoutDlm.body().contains("it exists only while DLM is on"));
        configurations.addObject().put("pid", "org.echarge.dlm").putNull("factoryPid").putNull("name")
                .putObject("properties").put("enabled", true).put("fuseAmpere", 63);
        HttpResponse<String> withDlm = send("PUT", api + "config", csrf, current.toString());
        assertEquals(withDlm.body(), 200, withDlm.statusCode());
        KnxDevice knx = context.getService(context.getServiceReference(KnxDevice.class));
        waitFor("KNX object 10 on 0/1/10", Duration.ofSeconds(30), () -> knx.objects().stream()
                .anyMatch(o -> o.number() == 10 && o.addresses().contains("0/1/10")));
    }

    private String login(String api) throws Exception {
        String initial = Files.readAllLines(Path.of(System.getProperty("karaf.etc"), "initial-admin-password"))
                .get(0).trim();
        HttpResponse<String> login = send("POST", api + "login", null,
                "{\"user\":\"admin\",\"password\":\"" + initial + "\"}");
        assertEquals(login.body(), 200, login.statusCode());
        HttpResponse<String> changed = send("POST", api + "password", json.readTree(login.body()).get("csrfToken")
                .asText(), "{\"oldPassword\":\"" + initial + "\",\"newPassword\":\"itest-config-password\"}");
        assertEquals(changed.body(), 200, changed.statusCode());
        return json.readTree(changed.body()).get("csrfToken").asText();
    }

    private HttpResponse<String> send(String method, String url, String csrf, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private ChargingPoint point(int number) {
        try {
            for (ServiceReference<ChargingPoint> ref : context.getServiceReferences(ChargingPoint.class, null)) {
                ChargingPoint point = context.getService(ref);
                if (point != null && point.number() == number) {
                    return point;
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }
}
