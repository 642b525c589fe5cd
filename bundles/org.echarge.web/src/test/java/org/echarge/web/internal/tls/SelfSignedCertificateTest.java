package org.echarge.web.internal.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {

    private static final Instant NOW = Instant.parse("2026-11-29T22:00:00Z");

    @Test
    void namesTheHostLocalhostAndEveryAddressAndServesTlsOnly() throws Exception {
        TlsCredentials credentials = SelfSignedCertificate.generate("gateway-7", List.of(
                InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"),
                InetAddress.getByName("192.168.1.20")), NOW, new SecureRandom());
        X509Certificate certificate = credentials.certificate();

        Set<String> names = certificate.getSubjectAlternativeNames().stream()
                .map(name -> name.get(0) + "=" + name.get(1)).collect(Collectors.toSet());
        assertEquals(Set.of("2=gateway-7", "2=gateway-7.local", "2=localhost", "7=127.0.0.1",
                "7=0:0:0:0:0:0:0:1", "7=192.168.1.20"), names);
        assertEquals("CN=gateway-7,O=e-charge gateway (self-signed)", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        certificate.verify(certificate.getPublicKey()); // self-signed, and the signature holds

        assertEquals(NOW.minus(Duration.ofHours(1)), certificate.getNotBefore().toInstant());
        assertEquals(NOW.minus(Duration.ofHours(1)).plus(Duration.ofDays(3650)), certificate.getNotAfter().toInstant());
        certificate.checkValidity(java.util.Date.from(NOW.plus(Duration.ofDays(3649))));

        assertEquals(-1, certificate.getBasicConstraints()); // not a CA
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, false, false, false},
                certificate.getKeyUsage());
        assertTrue(certificate.getCriticalExtensionOIDs().contains("2.5.29.15")); // key usage is critical
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage());
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
        assertEquals(256, ((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertTrue(certificate.getSerialNumber().signum() > 0);
        assertEquals("EC", credentials.key().getAlgorithm());
    }

    @Test
    void aKeyStoreHoldsTheKeyAndChainUnderItsPassword() throws Exception {
        TlsCredentials credentials = SelfSignedCertificate.generate("localhost", List.of(), NOW, new SecureRandom());
        byte[] store = credentials.toKeyStore("pw".toCharArray());

        TlsCredentials read = TlsCredentials.fromKeyStore(new java.io.ByteArrayInputStream(store), "pw".toCharArray());
        assertEquals(credentials.certificate(), read.certificate());
        assertArrayEquals(credentials.key().getEncoded(), read.key().getEncoded());
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> TlsCredentials.fromKeyStore(
                new java.io.ByteArrayInputStream(store), "wrong".toCharArray()));
        assertEquals(Set.of("2=localhost"), credentials.certificate().getSubjectAlternativeNames().stream()
                .map(name -> name.get(0) + "=" + name.get(1)).collect(Collectors.toSet()));
        assertTrue(TlsCredentials.fingerprint(credentials.certificate()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
    }
}
