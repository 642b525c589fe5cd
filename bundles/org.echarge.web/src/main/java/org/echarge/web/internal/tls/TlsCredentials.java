package org.echarge.web.internal.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * The gateway's HTTPS identity: a private key and its certificate chain, leaf first, and the
 * PKCS12 key store Pax Web reads it from (one entry, {@value #ALIAS}, store and key under the
 * same password).
 */
public record TlsCredentials(PrivateKey key, List<X509Certificate> chain) {

    public static final String ALIAS = "gateway";
    public static final String KEY_STORE_TYPE = "PKCS12";

    public TlsCredentials {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least one certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public byte[] toKeyStore(char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(KEY_STORE_TYPE);
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the PKCS12 key store: " + e.getMessage(), e);
        }
    }

    public static TlsCredentials fromKeyStore(InputStream in, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(KEY_STORE_TYPE);
            store.load(in, password);
            if (!(store.getKey(ALIAS, password) instanceof PrivateKey key)) {
                throw new IOException("the key store has no private key '" + ALIAS + "'");
            }
            return new TlsCredentials(key, java.util.Arrays.stream(store.getCertificateChain(ALIAS))
                    .map(X509Certificate.class::cast).toList());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key store: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the DER certificate, as browsers show it: upper-case hex pairs joined by colons. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot encode a certificate that was decoded", e);
        }
    }
}
