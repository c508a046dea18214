package io.chainmonitor.rules.chain;

import java.util.Objects;

/** Another replica a node should connect to: the values of {peerHost} and {peerP2pPort}. */
public record PeerAddress(String host, int p2pPort) {

    public PeerAddress {
        Objects.requireNonNull(host, "host");
        if (p2pPort < 1 || p2pPort > 65535) {
            throw new IllegalArgumentException("p2pPort out of range: " + p2pPort);
        }
    }
}
