package io.chainmonitor.rules.chain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the wire listener recognizes a P2P connection. For the bitcoin family, {@code magicByNetwork} holds the four
 * message-start bytes of each network in hex as they appear on the wire, and {@code magicHex} is the default network's;
 * for RLPx both are empty.
 */
public record P2pHandshake(HandshakeKind kind, String magicHex, Map<String, String> magicByNetwork) {

    public P2pHandshake {
        Objects.requireNonNull(kind, "kind");
        magicByNetwork = Map.copyOf(magicByNetwork);
    }

    /** A handshake with one magic (or none), not tied to a network. */
    public P2pHandshake(HandshakeKind kind, String magicHex) {
        this(kind, magicHex, Map.of());
    }

    /** The magic of one network, in hex; empty for RLPx and for a network the chain type does not know. */
    public Optional<String> magicFor(String network) {
        return Optional.ofNullable(magicByNetwork.get(network));
    }
}
