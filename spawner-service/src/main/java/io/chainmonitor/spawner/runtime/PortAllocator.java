package io.chainmonitor.spawner.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;

/**
 * Hands out free TCP ports on loopback and never hands one out again while it is reserved, so that two live replicas
 * never share a port even before their nodes bind them. Reservations are kept for the whole JVM: the process runtime
 * and a docker runtime on the host network take ports of the same machine, so each must see the other's.
 */
public final class PortAllocator {

    private static final int ATTEMPTS = 50;
    private static final Set<Integer> RESERVED = new HashSet<>();

    /** A port that is free now and not reserved; it stays reserved until {@link #release(int)}. */
    public int allocate() {
        synchronized (RESERVED) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int port = freePort();
                if (RESERVED.add(port)) {
                    return port;
                }
            }
        }
        throw new ReplicaRuntimeException(Reason.NO_FREE_PORT, "no free loopback port after " + ATTEMPTS + " tries");
    }

    /** Marks a port as taken, e.g. by a re-adopted replica. */
    public void reserve(int port) {
        synchronized (RESERVED) {
            RESERVED.add(port);
        }
    }

    public void release(int port) {
        synchronized (RESERVED) {
            RESERVED.remove(port);
        }
    }

    public boolean isReserved(int port) {
        synchronized (RESERVED) {
            return RESERVED.contains(port);
        }
    }

    /** One newly allocated port per role. */
    public Map<PortRole, Integer> allocate(Set<PortRole> roles) {
        Map<PortRole, Integer> allocated = new EnumMap<>(PortRole.class);
        roles.forEach(role -> allocated.put(role, allocate()));
        return Map.copyOf(allocated);
    }

    /** Releases every port of {@code ports}. */
    public void release(Map<PortRole, Integer> ports) {
        ports.values().forEach(this::release);
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
