package org.echarge.web.internal.tls;

import static org.echarge.web.internal.tls.TestCertificates.Kind.CA;
import static org.echarge.web.internal.tls.TestCertificates.Kind.CLIENT_ONLY;
import static org.echarge.web.internal.tls.TestCertificates.Kind.SERVER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.echarge.web.internal.tls.TestCertificates.Issued;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PemImportTest {

    private static final Instant NOW = Instant.parse("2026-11-29T22:00:00Z");
    private static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
    private static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));
    private static Issued root;
    private static Issued intermediate;
    private static Issued server;

    @BeforeAll
    static void issue() throws Exception {
        root = TestCertificates.issue("Test Root", TestCertificates.ec(), null, CA, YEAR_AGO, IN_A_YEAR);
        intermediate = TestCertificates.issue("Test Intermediate", TestCertificates.ec(), root, CA, YEAR_AGO,
                IN_A_YEAR);
        server = TestCertificates.issue("gateway.example", TestCertificates.ec(), intermediate, SERVER, YEAR_AGO,
                IN_A_YEAR);
    }

    @Test
    void takesAChainLeafFirstWithItsKey() throws Exception {
        TlsCredentials credentials = PemImport.parse(
                TestCertificates.pem(server.certificate(), intermediate.certificate()),
                TestCertificates.pem(server.keys().getPrivate()), NOW);

        assertEquals(List.of(server.certificate(), intermediate.certificate()), credentials.chain());
        assertArrayEquals(server.keys().getPrivate().getEncoded(), credentials.key().getEncoded());
        // the traditional OpenSSL form (BEGIN EC PRIVATE KEY), as openssl ecparam -genkey writes it
        String sec1 = TestCertificates.sec1Pem(server.keys());
        assertTrue(sec1.startsWith("-----BEGIN EC PRIVATE KEY-----"), sec1);
        assertEquals(((ECPrivateKey) server.keys().getPrivate()).getS(), ((ECPrivateKey) PemImport.parse(
                TestCertificates.pem(server.certificate()), "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n"
                        + "-----END EC PARAMETERS-----\n" + sec1, NOW).key()).getS());
    }

    @Test
    void takesAnRsaKeyInPkcs1Form() throws Exception {
        KeyPair rsa = TestCertificates.rsa(2048);
        Issued leaf = TestCertificates.issue("rsa.example", rsa, root, SERVER, YEAR_AGO, IN_A_YEAR);
        String pkcs1 = TestCertificates.pem(rsa);
        assertTrue(pkcs1.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pkcs1);

        assertEquals(leaf.certificate(), PemImport.parse(TestCertificates.pem(leaf.certificate()), pkcs1, NOW)
                .certificate());
    }

    @Test
    void takesASelfSignedCertificateAsOpensslMakesIt() throws Exception {
        Issued own = TestCertificates.issue("own.example", TestCertificates.rsa(2048), null,
                TestCertificates.Kind.OPENSSL_DEFAULT, YEAR_AGO, IN_A_YEAR);
        assertEquals(own.certificate(), PemImport.parse(TestCertificates.pem(own.certificate()),
                TestCertificates.pem(own.keys().getPrivate()), NOW).certificate());
    }

    /** In Karaf, the SSH server registers Bouncy Castle as a JCA provider once it is installed; EC keys then say "ECDSA". */
    @Test
    void worksWithBouncyCastleAsTheFirstProvider() throws Exception {
        java.security.Security.insertProviderAt(new org.bouncycastle.jce.provider.BouncyCastleProvider(), 1);
        try {
            TlsCredentials parsed = PemImport.parse(TestCertificates.pem(server.certificate()),
                    TestCertificates.pem(server.keys().getPrivate()), NOW);
            assertEquals("ECDSA", parsed.key().getAlgorithm());
            TlsCredentials generated = SelfSignedCertificate.generate("gw", List.of(), NOW,
                    new java.security.SecureRandom());
            for (TlsCredentials credentials : List.of(parsed, generated)) {
                TlsCredentials stored = TlsCredentials.fromKeyStore(new java.io.ByteArrayInputStream(
                        credentials.toKeyStore("pw".toCharArray())), "pw".toCharArray());
                assertEquals(credentials.certificate(), stored.certificate());
            }
        } finally {
            java.security.Security.removeProvider("BC");
        }
    }

    @Test
    void refusesAKeyOfAnotherCertificate() throws Exception {
        KeyPair other = TestCertificates.ec();
        assertRefused("does not belong", TestCertificates.pem(server.certificate()),
                TestCertificates.pem(other.getPrivate()));
        assertRefused("does not belong", TestCertificates.pem(server.certificate()),
                TestCertificates.pem(TestCertificates.rsa(2048).getPrivate()));
    }

    @Test
    void refusesCertificatesOutsideTheirValidity() throws Exception {
        Issued expired = TestCertificates.issue("old.example", TestCertificates.ec(), root, SERVER,
                NOW.minus(Duration.ofDays(800)), NOW.minusSeconds(1));
        assertRefused("expired on " + NOW.minusSeconds(1), TestCertificates.pem(expired.certificate()),
                TestCertificates.pem(expired.keys().getPrivate()));
        Issued future = TestCertificates.issue("new.example", TestCertificates.ec(), root, SERVER,
                NOW.plusSeconds(60), IN_A_YEAR);
        assertRefused("valid only from", TestCertificates.pem(future.certificate()),
                TestCertificates.pem(future.keys().getPrivate()));
        Issued expiredIntermediate = TestCertificates.issue("Old Intermediate", TestCertificates.ec(), root, CA,
                YEAR_AGO, NOW.minusSeconds(1));
        Issued leaf = TestCertificates.issue("leaf.example", TestCertificates.ec(), expiredIntermediate, SERVER,
                YEAR_AGO, IN_A_YEAR);
        assertRefused("certificate 2 of the chain", TestCertificates.pem(leaf.certificate(),
                expiredIntermediate.certificate()), TestCertificates.pem(leaf.keys().getPrivate()));
    }

    @Test
    void refusesGarbageAndTheWrongThings() throws Exception {
        String key = TestCertificates.pem(server.keys().getPrivate());
        String certificate = TestCertificates.pem(server.certificate());
        assertRefused("no PEM certificate", "hello", key);
        assertRefused("no PEM certificate", "", key);
        assertRefused("not a readable PEM certificate",
                "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n", key);
        assertRefused("not a readable PEM certificate",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", key);
        assertRefused("certificates only", key, key);
        assertRefused("no PEM private key", certificate, "");
        assertRefused("no PEM private key", certificate, "garbage");
        assertRefused("must hold a private key", certificate, certificate);
        assertRefused("exactly one private key", certificate, key + key);
        assertRefused("encrypted", certificate, TestCertificates.encryptedPem(server.keys().getPrivate()));
    }

    @Test
    void refusesAChainOutOfOrderAndCertificatesNotForAServer() throws Exception {
        String key = TestCertificates.pem(server.keys().getPrivate());
        assertRefused("did not issue certificate 1", TestCertificates.pem(server.certificate(), root.certificate()),
                key);
        assertRefused("does not belong", TestCertificates.pem(intermediate.certificate(), server.certificate()), key);
        assertRefused("key usage does not allow TLS", TestCertificates.pem(root.certificate()),
                TestCertificates.pem(root.keys().getPrivate()));
        Issued client = TestCertificates.issue("client", TestCertificates.ec(), root, CLIENT_ONLY, YEAR_AGO,
                IN_A_YEAR);
        assertRefused("serverAuth", TestCertificates.pem(client.certificate()),
                TestCertificates.pem(client.keys().getPrivate()));
        KeyPair weak = TestCertificates.rsa(1024);
        Issued small = TestCertificates.issue("weak.example", weak, root, SERVER, YEAR_AGO, IN_A_YEAR);
        assertRefused("at least 2048", TestCertificates.pem(small.certificate()),
                TestCertificates.pem(weak.getPrivate()));
    }

    private static void assertRefused(String reason, String certificatePem, String keyPem) {
        CertificateRefused refused = assertThrows(CertificateRefused.class,
                () -> PemImport.parse(certificatePem, keyPem, NOW));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
