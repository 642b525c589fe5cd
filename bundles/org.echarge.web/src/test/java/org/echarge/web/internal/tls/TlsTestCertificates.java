package org.echarge.web.internal.tls;

import java.time.Instant;

/** Test certificates for tests outside this package. */
public final class TlsTestCertificates {

    private TlsTestCertificates() {
    }

    /** A server certificate issued by a new CA, and its key: {certificate chain PEM, key PEM}. */
    public static String[] serverPem(String name, Instant notBefore, Instant notAfter) throws Exception {
        TestCertificates.Issued ca = TestCertificates.issue("CA for " + name, TestCertificates.ec(), null,
                TestCertificates.Kind.CA, notBefore, notAfter);
        TestCertificates.Issued server = TestCertificates.issue(name, TestCertificates.ec(), ca,
                TestCertificates.Kind.SERVER, notBefore, notAfter);
        return new String[] {TestCertificates.pem(server.certificate(), ca.certificate()),
                TestCertificates.pem(server.keys().getPrivate())};
    }
}
