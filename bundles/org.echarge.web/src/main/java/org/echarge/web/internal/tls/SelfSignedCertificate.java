package org.echarge.web.internal.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate the gateway makes for itself at its first start: EC P-256 (small, fast on a
 * gateway CPU, accepted by every current browser), SHA-256 with ECDSA, valid 10 years from an
 * hour ago (clock skew), for the host name (also as {@code <name>.local}, the mDNS name),
 * {@code localhost} and every address of the machine. Marked as an end-entity certificate for
 * TLS servers only (basic constraints CA=false, key usage digitalSignature, extended key usage
 * serverAuth), so it cannot sign other certificates. Bouncy Castle builds it; the keys and the
 * signature come from the JDK's providers (BC is not registered as a JCA provider).
 */
public final class SelfSignedCertificate {

    public static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    public static TlsCredentials generate(String hostName, Collection<InetAddress> addresses, Instant now,
            SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keys = generator.generateKeyPair();
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, GatewayTls.ORGANISATION)
                .addRDN(BCStyle.CN, hostName);
        Instant notBefore = now.minus(Duration.ofHours(1));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name.build(),
                new BigInteger(127, random).add(BigInteger.ONE), Date.from(notBefore),
                Date.from(notBefore.atZone(ZoneOffset.UTC).plus(VALIDITY).toInstant()), name.build(), keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostName, addresses));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .setSecureRandom(random).build(keys.getPrivate()));
            return new TlsCredentials(keys.getPrivate(), List.of(new JcaX509CertificateConverter().getCertificate(holder)));
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("cannot build the certificate: " + e.getMessage(), e);
        }
    }

    /** The address as text, without an IPv6 scope ({@code %eth0}), which a certificate cannot name. */
    static String text(InetAddress address) {
        return address.getHostAddress().replaceFirst("%.*$", "");
    }

    private static GeneralNames alternativeNames(String hostName, Collection<InetAddress> addresses) {
        Set<String> dnsNames = new LinkedHashSet<>();
        dnsNames.add(hostName);
        if (!hostName.contains(".") && !hostName.equals("localhost")) {
            dnsNames.add(hostName + ".local");
        }
        dnsNames.add("localhost");
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
        addresses.stream().map(SelfSignedCertificate::text).distinct()
                .forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return new GeneralNames(names.toArray(new GeneralName[0]));
    }
}
