package org.echarge.web.internal.tls;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * One's own certificate for the gateway's HTTPS, from the PEM files a CA or {@code openssl}
 * gives: the chain (leaf first, intermediates after; the root may be left out) and the
 * unencrypted private key (PKCS#8 {@code PRIVATE KEY}, or {@code RSA PRIVATE KEY} /
 * {@code EC PRIVATE KEY}). Checked before anything is installed: it parses, the key is RSA of at
 * least 2048 bits or EC and belongs to the certificate (a signature made with it verifies with
 * the certificate's key), every certificate is valid now, each one was issued by the next, and
 * the leaf may serve TLS (key usage and extended key usage, where present, allow it). A
 * certificate with CA=true is taken when its usages allow TLS: {@code openssl req -x509} makes
 * such self-signed certificates by default.
 */
public final class PemImport {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_USAGE = "2.5.29.37.0";

    private PemImport() {
    }

    public static TlsCredentials parse(String certificatePem, String privateKeyPem, Instant now)
            throws CertificateRefused {
        List<X509Certificate> chain = certificates(certificatePem);
        PrivateKey key = privateKey(privateKeyPem);
        X509Certificate leaf = chain.get(0);
        checkKey(key, leaf.getPublicKey());
        for (int i = 0; i < chain.size(); i++) {
            checkValidity(chain.get(i), i, now);
            if (i + 1 < chain.size()) {
                checkIssued(chain.get(i), chain.get(i + 1), i);
            }
        }
        checkServerUsage(leaf);
        return new TlsCredentials(key, chain);
    }

    private static List<X509Certificate> certificates(String pem) throws CertificateRefused {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (!(object instanceof X509CertificateHolder holder)) {
                    throw new CertificateRefused("certificatePem must hold certificates only (BEGIN CERTIFICATE), "
                            + "not a " + kind(object));
                }
                chain.add(converter.getCertificate(holder));
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new CertificateRefused("certificatePem is not a readable PEM certificate: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw new CertificateRefused("certificatePem holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(String pem) throws CertificateRefused {
        Object found = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof ASN1ObjectIdentifier) {
                    continue; // the EC PARAMETERS block openssl ecparam -genkey puts first
                }
                if (found != null) {
                    throw new CertificateRefused("privateKeyPem must hold exactly one private key");
                }
                found = object;
            }
        } catch (IOException | RuntimeException e) {
            throw new CertificateRefused("privateKeyPem is not a readable PEM key: " + e.getMessage());
        }
        if (found instanceof PEMEncryptedKeyPair || found instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new CertificateRefused("the private key is encrypted; give it without a passphrase "
                    + "(openssl pkey -in key.pem -out key-plain.pem)");
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (found instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo()); // the public part is optional there
            }
            if (found instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new CertificateRefused("the private key cannot be read: " + e.getMessage());
        }
        throw new CertificateRefused(found == null
                ? "privateKeyPem holds no PEM private key (-----BEGIN PRIVATE KEY-----)"
                : "privateKeyPem must hold a private key, not a " + kind(found));
    }

    /**
     * RSA or EC, by the key's type rather than its algorithm name: once Bouncy Castle is a JCA
     * provider (Karaf's SSH server registers it when it finds it), EC keys say "ECDSA".
     */
    private static void checkKey(PrivateKey key, PublicKey certified) throws CertificateRefused {
        boolean rsa = key instanceof RSAPrivateKey;
        if (!rsa && !(key instanceof ECPrivateKey)) {
            throw new CertificateRefused("the key is " + key.getAlgorithm() + "; the gateway takes RSA or EC keys");
        }
        if (certified instanceof RSAPublicKey rsaKey && rsaKey.getModulus().bitLength() < 2048) {
            throw new CertificateRefused("the RSA key has " + rsaKey.getModulus().bitLength()
                    + " bits; at least 2048 are needed");
        }
        boolean sameKind = rsa ? certified instanceof RSAPublicKey : certified instanceof ECPublicKey;
        if (!sameKind || !signsFor(key, certified, rsa ? "SHA256withRSA" : "SHA256withECDSA")) {
            throw new CertificateRefused("the private key does not belong to the certificate");
        }
    }

    /** Whether a signature made with the private key verifies with the certificate's public key. */
    private static boolean signsFor(PrivateKey key, PublicKey certified, String algorithm) {
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // e.g. keys on different curves
        }
    }

    private static void checkValidity(X509Certificate certificate, int index, Instant now) throws CertificateRefused {
        String which = index == 0 ? "the certificate" : "certificate " + (index + 1) + " of the chain";
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new CertificateRefused(which + " (" + certificate.getSubjectX500Principal().getName()
                    + ") expired on " + certificate.getNotAfter().toInstant());
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new CertificateRefused(which + " (" + certificate.getSubjectX500Principal().getName()
                    + ") is valid only from " + certificate.getNotBefore().toInstant());
        }
    }

    private static void checkIssued(X509Certificate certificate, X509Certificate issuer, int index)
            throws CertificateRefused {
        boolean issued = certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
        try {
            certificate.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            issued = false;
        }
        if (!issued) {
            throw new CertificateRefused("certificate " + (index + 2) + " of the chain did not issue certificate "
                    + (index + 1) + "; give the chain leaf first, then each issuer");
        }
    }

    private static void checkServerUsage(X509Certificate leaf) throws CertificateRefused {
        boolean[] usage = leaf.getKeyUsage(); // null: no restriction
        boolean rsa = leaf.getPublicKey() instanceof RSAPublicKey;
        if (usage != null && !(usage[0] || (rsa && usage[2]))) {
            throw new CertificateRefused("the certificate's key usage does not allow TLS (digitalSignature"
                    + (rsa ? " or keyEncipherment" : "") + " is needed)");
        }
        try {
            List<String> extended = leaf.getExtendedKeyUsage(); // null: no restriction
            if (extended != null && !extended.contains(SERVER_AUTH) && !extended.contains(ANY_USAGE)) {
                throw new CertificateRefused("the certificate's extended key usage does not include "
                        + "TLS server authentication (serverAuth)");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new CertificateRefused("the certificate's extended key usage cannot be read: " + e.getMessage());
        }
    }

    private static String kind(Object object) {
        return object.getClass().getSimpleName();
    }
}
