package org.echarge.web.internal.tls;

/** A certificate or key that is not installed, and why, in words for the installer. */
public final class CertificateRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public CertificateRefused(String message) {
        super(message, null, false, false);
    }
}
