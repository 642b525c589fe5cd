package org.echarge.web.internal.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small CA for the tests: keys, certificates with chosen validity and usage, PEM text. */
final class TestCertificates {

    /** A key and its certificate. */
    record Issued(KeyPair keys, X509Certificate certificate) {
    }

    /** What kind of certificate to make. */
    enum Kind {
        CA, SERVER, CLIENT_ONLY,
        /** What {@code openssl req -x509} makes by default: CA=true, no key usage. */
        OPENSSL_DEFAULT
    }

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestCertificates() {
    }

    static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    /** A certificate for {@code keys}, issued by {@code issuer} (null: self-signed). */
    static Issued issue(String name, KeyPair keys, Issued issuer, Kind kind, Instant notBefore, Instant notAfter)
            throws Exception {
        X500Name subject = new X500Name("CN=" + name);
        X500Name issuerName = issuer == null ? subject
                : new X500Name(issuer.certificate().getSubjectX500Principal().getName());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                keys.getPublic());
        if (kind == Kind.OPENSSL_DEFAULT) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        } else if (kind == Kind.CA) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(kind == Kind.SERVER
                            ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        }
        KeyPair signer = issuer == null ? keys : issuer.keys();
        String algorithm = signer.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new Issued(keys, new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate()))));
    }

    /** PEM text of certificates, keys (PKCS#8 for a PrivateKey, traditional for a KeyPair) or anything BC writes. */
    static String pem(Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object instanceof java.security.PrivateKey key
                        ? new JcaPKCS8Generator(key, null) : object);
            }
        }
        return text.toString();
    }

    /** An EC key in the traditional OpenSSL form with curve and public key, as openssl writes it (BEGIN EC PRIVATE KEY). */
    static String sec1Pem(KeyPair keys) throws IOException {
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
                .getInstance(keys.getPublic().getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(), info.getPublicKeyData(),
                info.getAlgorithm().getParameters().toASN1Primitive());
        return pem(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }

    /** The key as an encrypted PKCS#8 PEM ({@code ENCRYPTED PRIVATE KEY}). */
    static String encryptedPem(java.security.PrivateKey key) throws Exception {
        return pem(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword("secret".toCharArray())
                .build()).generate());
    }
}
