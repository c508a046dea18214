package io.chainmonitor.spawner.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;

/**
 * Hands out free TCP ports on loopback and never hands one out again while it is reserved, so that two live replicas
 * never share a port even before their nodes bind them.
 */
public final class PortAllocator {

    private static final int ATTEMPTS = 50;

    private final Set<Integer> reserved = new HashSet<>();

    /** A port that is free now and not reserved; it stays reserved until {@link #release(int)}. */
    public synchronized int allocate() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePort();
            if (reserved.add(port)) {
                return port;
            }
        }
        throw new ReplicaRuntimeException(Reason.NO_FREE_PORT, "no free loopback port after " + ATTEMPTS + " tries");
    }

    /** Marks a port as taken, e.g. by a re-adopted replica. */
    public synchronized void reserve(int port) {
        reserved.add(port);
    }

    public synchronized void release(int port) {
        reserved.remove(port);
    }

    public synchronized boolean isReserved(int port) {
        return reserved.contains(port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ReplicaRuntimeException(Reason.NO_FREE_PORT, "cannot bind a loopback port", null, e);
        }
    }
}
