package org.echarge.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Log lines in, what leaves the gateway out. */
class SecretRedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Authorization: Basic YWRtaW46c2VjcmV0                 | Authorization: <redacted>
            > authorization=Bearer abc.def, user=admin               | > authorization=<redacted>
            Proxy-Authorization: Digest username="x", response="y"   | Proxy-Authorization: <redacted>
            Cookie: echarge_session=Qm9vbQ; theme=dark               | Cookie: <redacted>
            Set-Cookie: echarge_session=abc; Path=/; HttpOnly        | Set-Cookie: <redacted>
            X-CSRF-Token: 3q2-7w                                     | X-CSRF-Token: <redacted>
            login password=hunter2 user=admin                        | login password=<redacted> user=admin
            keyringPassword = "ets pass word" loaded                 | keyringPassword = "<redacted>" loaded
            {"oldPassword":"a b","newPassword":"c\\"d"}              | {"oldPassword":"<redacted>","newPassword":"<redacted>"}
            body {\\"password\\":\\"x y\\"}                          | body {\\"password\\":\\"<redacted>\\"}
            token: 0123456789abcdef                                  | token: <redacted>
            csrfToken=abc&next=/                                     | csrfToken=<redacted>&next=/
            api_key='k 1'                                            | api_key='<redacted>'
            privateKey=MIIEvQ                                        | privateKey=<redacted>
            session id sessionId=Zz9 closed                          | session id sessionId=<redacted> closed
            JSESSIONID=node01abc                                     | JSESSIONID=<redacted>
            backboneKey=00112233445566778899AABBCCDDEEFF             | backboneKey=<redacted>
            deviceAuthenticationCode: trustme                        | deviceAuthenticationCode: <redacted>
            update from https://admin:s3cr3t@updates.example.org/x   | update from https://admin:<redacted>@updates.example.org/x
            sent bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig     | sent bearer <redacted>
            jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln here       | jwt <redacted> here
            Point 1: session started, energy 12.5 kWh                | Point 1: session started, energy 12.5 kWh
            KNX individual address 1.1.1, secure: false              | KNX individual address 1.1.1, secure: false
            Web console password changed                             | Web console password changed
            Web console: user 'admin' created with the initial password from /opt/etc/initial-admin-password | Web console: user 'admin' created with the initial password from /opt/etc/initial-admin-password
            """)
    void redactsSecretsAndLeavesTheRest(String line, String expected) {
        assertEquals(expected, new SecretRedactor().redact(line));
    }

    @Test
    void privateKeyBlocksAreRemovedWhole() {
        SecretRedactor redactor = new SecretRedactor();
        List<String> lines = List.of("loading key", "-----BEGIN RSA PRIVATE KEY-----", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
                "c2VjcmV0", "-----END RSA PRIVATE KEY-----", "-----BEGIN CERTIFICATE-----", "MIIB", "done");

        List<String> redacted = lines.stream().map(redactor::redact).toList();

        assertEquals(List.of("loading key", "<redacted>", "<redacted>", "<redacted>", "<redacted>",
                "-----BEGIN CERTIFICATE-----", "MIIB", "done"), redacted);
    }

    /** Lines of the longest length the archive keeps, shaped to make backtracking patterns take minutes. */
    @Test
    void oddLongLinesTakeLinearTime() {
        int length = LogArchive.MAX_LINE_CHARS;
        List<String> lines = List.of("a".repeat(length), "a.".repeat(length / 2), "password".repeat(length / 8),
                "password=".repeat(length / 9), "x:".repeat(length / 2), "\"a\":".repeat(length / 4), "-".repeat(length),
                "eyJ-".repeat(length / 4), "Bearer ".repeat(length / 7), "a+".repeat(length / 2) + "://x",
                "http://a".repeat(length / 8), "Cookie ".repeat(length / 7), "token=\\\"".repeat(length / 9),
                "-----BEGIN ".repeat(length / 11), " ".repeat(length));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String line : lines) {
                new SecretRedactor().redact(line);
            }
        });
    }
}
