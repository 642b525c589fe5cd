package org.echarge.updater.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;

import org.echarge.updater.tools.DriverUpdateSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateKeyTest {

    @TempDir
    Path directory;

    @Test
    void keygenWritesAKeyPairTheGatewayReads() throws Exception {
        Path privateKey = directory.resolve("update-private.pem");
        Path publicKey = directory.resolve("echarge-update.pub");

        DriverUpdateSigner.main(new String[] {"keygen", privateKey.toString(), publicKey.toString()});

        PublicKey key = UpdateKey.read(publicKey);
        byte[] message = "format=1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        assertTrue(verifier.verify(DriverUpdateSigner.sign(message, DriverUpdateSigner.readPrivateKey(privateKey))));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(privateKey)));
    }

    @Test
    void refusesAKeyOfAnotherAlgorithm() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair ec = generator.generateKeyPair();
        Path file = Files.writeString(directory.resolve("ec.pub"), DriverUpdateSigner.publicKeyPem(ec.getPublic()));

        UpdateRefusedException e = assertThrows(UpdateRefusedException.class, () -> UpdateKey.read(file));
        assertTrue(e.getMessage().endsWith("is not an Ed25519 public key"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNoPem() throws Exception {
        Path file = Files.writeString(directory.resolve("x.pub"), "ssh-ed25519 AAAA... user@host");

        UpdateRefusedException e = assertThrows(UpdateRefusedException.class, () -> UpdateKey.read(file));
        assertTrue(e.getMessage().contains("is not a PEM public key"), e.getMessage());
    }
}
