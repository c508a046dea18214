package io.chainmonitor.chainwatcher.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** The network prefixes peer addresses fall into, as eclipse-attack signals compare them. */
final class PeerSubnets {

    private PeerSubnets() {
    }

    /** The /16 of an IPv4 peer or the /32 of an IPv6 peer; the host itself for a name (e.g. an onion address). */
    static String wide(String address) {
        return prefix(address, 2, 4);
    }

    /** The /24 of an IPv4 peer or the /48 of an IPv6 peer; the host itself for a name. */
    static String narrow(String address) {
        return prefix(address, 3, 6);
    }

    private static String prefix(String address, int ipv4Bytes, int ipv6Bytes) {
        String host = host(address);
        if (!isLiteral(host)) {
            return host;
        }
        try {
            // Only literals get here, so no name is ever looked up.
            byte[] bytes = InetAddress.getByName(host).getAddress();
            byte[] prefix = Arrays.copyOf(bytes, bytes.length == 4 ? ipv4Bytes : ipv6Bytes);
            return (bytes.length == 4 ? "v4:" : "v6:") + java.util.HexFormat.of().formatHex(prefix);
        } catch (UnknownHostException e) {
            return host;
        }
    }

    /** The host part of {@code host:port}, {@code [v6]:port} or a bare address. */
    static String host(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end < 0 ? address : address.substring(1, end);
        }
        int colon = address.indexOf(':');
        return colon >= 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address;
    }

    private static boolean isLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                || host.contains(":")
                        && host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }

}
