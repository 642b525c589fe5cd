package org.echarge.updater.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import org.echarge.updater.internal.verify.UpdateRefusedException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Talks to the configured update server over HTTP(S): reads its index and downloads a package,
 * bounded in size and time, checked against the index's SHA-256. What it downloads is then
 * verified exactly like an upload (signature, version, kind) by the caller.
 */
public final class UpdateServerClient {

    private static final int MAX_INDEX_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final HttpClient http;
    private final URI index;
    private final Duration timeout;

    public UpdateServerClient(URI index, Duration timeout) {
        this.index = index;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Checks the configured address: absolute, http or https. */
    public static URI indexUri(String text) throws UpdateRefusedException {
        try {
            URI uri = URI.create(text.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new UpdateRefusedException("the update server address '" + text
                        + "' is not an http:// or https:// URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UpdateRefusedException("the update server address '" + text + "' is not a URL: "
                    + e.getMessage());
        }
    }

    public URI index() {
        return index;
    }

    public UpdateIndex fetchIndex() throws UpdateRefusedException {
        byte[] body;
        try (InputStream in = get(index)) {
            body = in.readNBytes(MAX_INDEX_BYTES + 1);
        } catch (IOException e) {
            throw new UpdateRefusedException("cannot read the update server's index " + index + ": " + e.getMessage(), e);
        }
        if (body.length > MAX_INDEX_BYTES) {
            throw new UpdateRefusedException("the update server's index is larger than " + MAX_INDEX_BYTES + " bytes");
        }
        UpdateIndex parsed;
        try {
            parsed = JSON.readValue(body, UpdateIndex.class);
        } catch (JsonProcessingException e) {
            throw new UpdateRefusedException("the update server's index is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UpdateRefusedException("the update server's index cannot be read: " + e.getMessage(), e);
        }
        if (!UpdateIndex.FORMAT.equals(parsed.format())) {
            throw new UpdateRefusedException("the update server's index has format '" + parsed.format()
                    + "'; this gateway reads " + UpdateIndex.FORMAT);
        }
        return parsed;
    }

    /**
     * Downloads a package into {@code target} (created or replaced): at most {@code maxBytes} and
     * at most the size the index gives; refused when the bytes differ from the index's SHA-256.
     */
    public Path download(UpdateIndex.Entry entry, Path target, long maxBytes) throws UpdateRefusedException {
        if (entry.size() > maxBytes) {
            throw new UpdateRefusedException("the package " + entry.url() + " is " + entry.size()
                    + " bytes, more than the limit of " + maxBytes + " bytes");
        }
        URI uri;
        try {
            uri = index.resolve(entry.url());
        } catch (IllegalArgumentException e) {
            throw new UpdateRefusedException("the index names a package at '" + entry.url() + "', not a URL");
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        long copied = 0;
        try (InputStream in = new DigestInputStream(get(uri), digest); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > entry.size()) {
                    throw new UpdateRefusedException("the download of " + uri + " is larger than the "
                            + entry.size() + " bytes the index gives");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UpdateRefusedException("cannot download " + uri + ": " + e.getMessage(), e);
        }
        if (!HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(entry.sha256())) {
            throw new UpdateRefusedException("the download of " + uri + " does not match the SHA-256 of the index: "
                    + "it was corrupted on the way or on the server");
        }
        return target;
    }

    private InputStream get(URI uri) throws IOException, UpdateRefusedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new UpdateRefusedException("the update server answered " + response.statusCode() + " for " + uri);
        }
        return response.body();
    }
}
