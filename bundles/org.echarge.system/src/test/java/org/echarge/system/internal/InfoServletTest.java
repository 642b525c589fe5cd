package org.echarge.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code GET /echarge/api/system/info} over HTTP in Jetty, and the reading of Bundle-License headers. */
class InfoServletTest {

    private static final String PATH = "/echarge/api/system/info";
    private static final Instant STARTED = Instant.parse("2026-11-29T20:00:00Z");

    @Test
    void nameVersionUptimeAndTheLicencesOfTheInstalledBundles() throws Exception {
        List<InstalledBundle> bundles = List.of(
                new InstalledBundle(0, "org.apache.felix.framework", "Apache Felix Framework", "7.0.5", "Active",
                        "http://www.apache.org/licenses/LICENSE-2.0.txt"),
                new InstalledBundle(7, "com.fasterxml.jackson.core.jackson-databind", "jackson-databind", "2.18.2",
                        "Active", "Apache-2.0;link=\"https://www.apache.org/licenses/LICENSE-2.0.txt\""),
                new InstalledBundle(9, "org.example.nolicense", "Bundle without a licence", "1.0.0", "Resolved", null));
        InfoServlet servlet = new InfoServlet(GatewayIdentity.of("e-charge gateway", "0.1.0-SNAPSHOT", STARTED),
                () -> bundles, Clock.fixed(STARTED.plusSeconds(5400), ZoneOffset.UTC));
        try (JettyServer server = new JettyServer().servlet(servlet, PATH, false).start()) {
            HttpResponse<String> response = server.get(PATH);

            assertEquals(200, response.statusCode());
            JsonNode info = new ObjectMapper().readTree(response.body());
            assertEquals("e-charge gateway", info.get("name").asText());
            assertEquals("0.1.0-SNAPSHOT", info.get("version").asText());
            assertEquals("0.1.0", info.get("applicationVersion").asText());
            assertEquals("2026-11-29T20:00:00Z", info.get("startedAt").asText());
            assertEquals(5400, info.get("uptimeSeconds").asLong());
            JsonNode licenses = info.get("licenses");
            assertEquals(3, licenses.size());
            assertEquals("Apache Felix Framework", licenses.at("/0/name").asText());
            assertEquals("Apache-2.0", licenses.at("/0/license").asText());
            assertEquals("http://www.apache.org/licenses/LICENSE-2.0.txt", licenses.at("/0/url").asText());
            assertEquals("Bundle without a licence", licenses.at("/1/name").asText());
            assertEquals("1.0.0", licenses.at("/1/version").asText());
            assertEquals(true, licenses.at("/1/license").isNull());
            assertEquals("jackson-databind", licenses.at("/2/name").asText());
            assertEquals("2.18.2", licenses.at("/2/version").asText());
            assertEquals("https://www.apache.org/licenses/LICENSE-2.0.txt", licenses.at("/2/url").asText());

            assertEquals(405, server.json("POST", PATH, "{}").statusCode());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "null", textBlock = """
            Apache-2.0                                                        | Apache-2.0            | null
            EPL-2.0;link="https://www.eclipse.org/legal/epl-2.0/"             | EPL-2.0               | https://www.eclipse.org/legal/epl-2.0/
            https://opensource.org/licenses/MIT                               | MIT                   | https://opensource.org/licenses/MIT
            http://www.eclipse.org/legal/epl-v10.html                         | EPL-1.0               | http://www.eclipse.org/legal/epl-v10.html
            EPL-2.0;description="Eclipse, v2",GPL-2.0-with-classpath-exception | EPL-2.0, GPL-2.0-with-classpath-exception | null
            https://example.org/custom-licence.txt                            | https://example.org/custom-licence.txt | https://example.org/custom-licence.txt
            "Apache License, Version 2.0";link="https://www.apache.org/licenses/LICENSE-2.0.txt" | Apache-2.0 | https://www.apache.org/licenses/LICENSE-2.0.txt
            "Custom Licence, v1";link="https://example.org/custom"            | Custom Licence, v1    | https://example.org/custom
            <<EXTERNAL>>                                                      | null                  | null
            """)
    void bundleLicenseHeaders(String header, String license, String url) {
        BundleLicense read = BundleLicense.of(new InstalledBundle(1, "b", "b", "1.0.0", "Active", header));

        assertEquals(license, read.license());
        assertEquals(url, read.url());
    }

    @Test
    void withoutAHeaderThereIsNoLicence() {
        assertNull(BundleLicense.of(new InstalledBundle(1, "b", "b", "1.0.0", "Active", " ")).license());
    }
}
