package org.echarge.driver.vestel.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A {@link VestelBox} served over Modbus TCP on 127.0.0.1, written from the Modbus application protocol and TCP
 * specifications (MBAP header, functions 3, 4, 6, 16, exception responses). Not j2mod's slave: that one queues a
 * second master instead of refusing it and cannot drop a connection when the box's watchdog fires. Like the box:
 * while a master is connected, a further connection is accepted and closed at once, unanswered; a connection the box
 * dropped (failsafe, restart) is closed when its next request arrives, unanswered. Every unit id is answered.
 */
final class VestelBoxServer implements AutoCloseable {

    private final VestelBox box;
    private final int port;
    private final List<Socket> sockets = new ArrayList<>();
    private ServerSocket listener;
    private Thread acceptor;

    VestelBoxServer(VestelBox box, int port) {
        this.box = box;
        this.port = port;
    }

    synchronized void open() throws IOException {
        if (listener != null) {
            return;
        }
        listener = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
        ServerSocket serving = listener;
        acceptor = new Thread(() -> accept(serving), "vestel-sim 127.0.0.1:" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public void close() {
        List<Socket> open;
        Thread accepting;
        synchronized (this) {
            if (listener == null) {
                return;
            }
            closeQuietly(listener);
            listener = null;
            open = List.copyOf(sockets);
            accepting = acceptor;
        }
        open.forEach(VestelBoxServer::closeQuietly);
        try {
            accepting.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept(ServerSocket serving) {
        while (!serving.isClosed()) {
            Socket socket;
            try {
                socket = serving.accept();
            } catch (IOException e) {
                return; // closed
            }
            OptionalInt connection = box.connect();
            if (connection.isEmpty()) {
                closeQuietly(socket); // one master at a time
                continue;
            }
            synchronized (this) {
                sockets.add(socket);
            }
            Thread handler = new Thread(() -> serve(socket, connection.getAsInt()),
                    "vestel-sim connection " + connection.getAsInt());
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                byte[] header = new byte[7];
                in.readFully(header);
                ByteBuffer mbap = ByteBuffer.wrap(header);
                int transaction = mbap.getShort() & 0xFFFF;
                int protocol = mbap.getShort() & 0xFFFF;
                int length = mbap.getShort() & 0xFFFF;
                int unit = mbap.get() & 0xFF;
                if (protocol != 0 || length < 2 || length > 254) {
                    return; // not Modbus: drop the connection
                }
                byte[] pdu = new byte[length - 1];
                in.readFully(pdu);
                if (!box.serves(connection)) {
                    return; // the box dropped this connection: closed, unanswered
                }
                byte[] answer = answer(pdu);
                ByteBuffer frame = ByteBuffer.allocate(7 + answer.length);
                frame.putShort((short) transaction).putShort((short) 0).putShort((short) (answer.length + 1))
                        .put((byte) unit).put(answer);
                out.write(frame.array());
                out.flush();
            }
        } catch (EOFException | SocketException e) {
            // the master closed the connection, or the server was closed
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            synchronized (this) {
                sockets.remove(socket);
            }
            box.disconnected(connection);
        }
    }

    /** The response PDU to a request PDU. */
    private byte[] answer(byte[] pdu) {
        ByteBuffer request = ByteBuffer.wrap(pdu);
        int function = request.get() & 0xFF;
        try {
            switch (function) {
                case 3, 4 -> {
                    int address = request.getShort() & 0xFFFF;
                    int count = request.getShort() & 0xFFFF;
                    if (count < 1 || count > 125) {
                        return exception(function, 3);
                    }
                    int[] words = box.read(function, address, count);
                    ByteBuffer response = ByteBuffer.allocate(2 + 2 * count).put((byte) function)
                            .put((byte) (2 * count));
                    for (int word : words) {
                        response.putShort((short) word);
                    }
                    return response.array();
                }
                case 6 -> {
                    int address = request.getShort() & 0xFFFF;
                    int value = request.getShort() & 0xFFFF;
                    box.write(address, new int[] {value});
                    return pdu.clone(); // the echo
                }
                case 16 -> {
                    int address = request.getShort() & 0xFFFF;
                    int count = request.getShort() & 0xFFFF;
                    int bytes = request.get() & 0xFF;
                    if (count < 1 || count > 123 || bytes != 2 * count || request.remaining() != bytes) {
                        return exception(function, 3);
                    }
                    int[] values = new int[count];
                    for (int i = 0; i < count; i++) {
                        values[i] = request.getShort() & 0xFFFF;
                    }
                    box.write(address, values);
                    return ByteBuffer.allocate(5).put((byte) 16).putShort((short) address).putShort((short) count)
                            .array();
                }
                default -> {
                    return exception(function, 1);
                }
            }
        } catch (VestelBox.Refused refused) {
            return exception(function, refused.code);
        } catch (java.nio.BufferUnderflowException e) {
            return exception(function, 3);
        }
    }

    private static byte[] exception(int function, int code) {
        return new byte[] {(byte) (function | 0x80), (byte) code};
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
