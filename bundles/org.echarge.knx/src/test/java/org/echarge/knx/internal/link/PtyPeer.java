package org.echarge.knx.internal.link;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.echarge.testsupport.SocatPty;

/**
 * The far end of a socat pty pair, where a fake serial KNX interface sits: a reader thread hands
 * the host's bytes to the fake, and the fake writes its answers back.
 */
final class PtyPeer implements AutoCloseable {

    private final SocatPty pty;
    private final InputStream fromHost;
    private final OutputStream toHost;

    PtyPeer(Path dir) throws IOException, InterruptedException {
        SocatPty.assumeInstalled();
        pty = SocatPty.start(dir);
        fromHost = new FileInputStream(pty.peerEnd.toFile());
        toHost = new FileOutputStream(pty.peerEnd.toFile());
    }

    /** Starts handing the host's bytes to the fake. */
    void serve(String name, Consumer<InputStream> serve) {
        Thread reader = new Thread(() -> serve.accept(fromHost), name);
        reader.setDaemon(true);
        reader.start();
    }

    /** The port the gateway opens. */
    Path hostPort() {
        return pty.gatewayEnd;
    }

    synchronized void write(byte[] bytes) throws IOException {
        toHost.write(bytes);
        toHost.flush();
    }

    @Override
    public void close() {
        pty.close();
        try {
            fromHost.close();
            toHost.close();
        } catch (IOException ignored) {
            // already gone with socat
        }
    }
}
