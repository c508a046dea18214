package io.chainmonitor.wirelistener.p2p;

import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.chainmonitor.rules.chain.HandshakeKind;
import io.chainmonitor.rules.chain.P2pHandshake;
import io.chainmonitor.wirelistener.listen.ReplicaKey;

/**
 * The node behind one public P2P port and what a valid first message starts with.
 *
 * @param replica whose node it is
 * @param host the node's own P2P host
 * @param port the node's own P2P port
 * @param kind how the chain's connections start
 * @param magics for the Bitcoin family, the four message-start bytes of every network the chain type knows
 */
public record P2pTarget(ReplicaKey replica, String host, int port, HandshakeKind kind, Set<String> magics) {

    /** A target for a chain's handshake; any of the chain's networks' magic is accepted. */
    public static P2pTarget of(ReplicaKey replica, String host, int port, P2pHandshake handshake) {
        Set<String> magics = Stream
                .concat(Stream.ofNullable(handshake.magicHex()), handshake.magicByNetwork().values().stream())
                .filter(m -> m != null && !m.isBlank()).map(m -> m.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new P2pTarget(replica, host, port, handshake.kind(), magics);
    }

    /** What the first four bytes say: the chain's handshake, HTTP, TLS or garbage. */
    Verdict judge(byte[] first4) {
        if (first4[0] == 0x16 && first4[1] == 0x03) {
            return Verdict.TLS;
        }
        String ascii = new String(first4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (Stream.of("GET ", "POST", "HEAD", "PUT ", "OPTI", "CONN", "DELE", "PATC", "PRI ", "TRAC")
                .anyMatch(ascii::equals)) {
            return Verdict.HTTP;
        }
        if (kind == HandshakeKind.BITCOIN_MAGIC) {
            return magics.contains(HexFormat.of().formatHex(first4)) ? Verdict.VALID : Verdict.GARBAGE;
        }
        // RLPx: an EIP-8 auth message starts with its two-byte size (a few hundred bytes); a pre-EIP-8 one with
        // the 0x04 of an uncompressed public key. Anything else is not the start of a devp2p connection.
        int size = ((first4[0] & 0xff) << 8) | (first4[1] & 0xff);
        return first4[0] == 0x04 || (size >= 200 && size <= 2048) ? Verdict.VALID : Verdict.GARBAGE;
    }

    enum Verdict {
        VALID, HTTP, TLS, GARBAGE
    }
}
