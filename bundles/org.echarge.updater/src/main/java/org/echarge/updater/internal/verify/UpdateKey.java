package org.echarge.updater.internal.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The distribution's update key: an Ed25519 public key as PEM ({@code BEGIN PUBLIC KEY}, X.509
 * SubjectPublicKeyInfo), as {@code openssl pkey -pubout} writes it.
 */
public final class UpdateKey {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final long MAX_FILE_BYTES = 4096;

    private UpdateKey() {
    }

    public static PublicKey read(Path file) throws UpdateRefusedException {
        String pem;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UpdateRefusedException("the update key " + file + " is not a public key file (too large)");
            }
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new UpdateRefusedException("no update key at " + file
                    + ": the distribution must ship the public key that driver updates are verified with");
        } catch (IOException e) {
            throw new UpdateRefusedException("the update key " + file + " cannot be read: " + e.getMessage(), e);
        }
        return parse(pem, file.toString());
    }

    static PublicKey parse(String pem, String source) throws UpdateRefusedException {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new UpdateRefusedException("the update key " + source + " is not a PEM public key ("
                    + BEGIN + " ... " + END + ")");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            return KeyFactory.getInstance(PackageFormat.SIGNATURE_ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UpdateRefusedException("the update key " + source + " is not an Ed25519 public key", e);
        }
    }
}
