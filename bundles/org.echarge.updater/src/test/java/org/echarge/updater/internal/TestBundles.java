package org.echarge.updater.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundle jars made in memory, with manifests as bnd writes them for the gateway's drivers. */
final class TestBundles {

    static final String DRIVER_CAPABILITY =
            "osgi.service;objectClass:List<String>=\"org.echarge.api.charger.ChargerDriver\";uses:=\"org.echarge.api.charger\"";

    private TestBundles() {
    }

    static byte[] driver(String symbolicName, String version) {
        return bundle(driverHeaders(symbolicName, version), 2048);
    }

    static Map<String, String> driverHeaders(String symbolicName, String version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Bundle-Version", version);
        headers.put("Import-Package", "org.echarge.api.charger;version=\"[0.1,1)\"");
        headers.put("Provide-Capability", DRIVER_CAPABILITY);
        return headers;
    }

    /** A jar with the headers and one pseudo class file of random (incompressible) bytes. */
    static byte[] bundle(Map<String, String> headers, int classBytes) {
        byte[] content = new byte[classBytes];
        new Random(headers.hashCode()).nextBytes(content);
        return bundle(headers, Map.of("org/echarge/driver/test/internal/TestDriver.class", content));
    }

    static byte[] bundle(Map<String, String> headers, Map<String, byte[]> entries) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
