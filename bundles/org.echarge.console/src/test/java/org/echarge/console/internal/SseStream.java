package org.echarge.console.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A test client of an event stream: collects the frames (blocks of lines up to a blank line) as they arrive. */
final class SseStream implements AutoCloseable {

    /** Put into the frames when the server ended the stream. */
    static final String END = "<end of stream>";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    final HttpResponse<InputStream> response;
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

    private SseStream(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    static SseStream open(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build();
        return new SseStream(CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
            StringBuilder frame = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    frames.add(frame.toString());
                    frame.setLength(0);
                } else {
                    frame.append(line).append('\n');
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
        frames.add(END);
    }

    /** The next frame, or null when none arrived in time. */
    String next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The data of the next status event (skipping heartbeats), or null when none arrived in time. */
    JsonNode nextStatus(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame == null || frame.equals(END)) {
                return null;
            }
            if (frame.contains("event: status\n")) {
                return JSON.readTree(frame.substring(frame.indexOf("data: ") + 6));
            }
        }
    }

    /** Status events that arrive within the window. */
    int countStatus(Duration window) throws Exception {
        int count = 0;
        long deadline = System.nanoTime() + window.toNanos();
        for (String frame; (frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS))
                != null;) {
            if (frame.contains("event: status\n")) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
