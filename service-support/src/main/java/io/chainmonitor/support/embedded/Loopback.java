package io.chainmonitor.support.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The loopback address every embedded server listens on, and free ports on it. */
final class Loopback {

    static final String HOST = "127.0.0.1";

    private Loopback() {
    }

    /** {@code port} itself, or a port that is free right now when {@code port} is 0. */
    static int portOrFree(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        return port == 0 ? freePort() : port;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
