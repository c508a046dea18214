package io.chainmonitor.wirelistener.block;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An address or prefix in CIDR notation ({@code 127.0.0.9}, {@code 127.0.0.0/24}, {@code 2001:db8::/32}). Parsing
 * never resolves a name: only IP literals are accepted.
 */
public record SourcePrefix(byte[] network, int bits, String text) {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a message for people. */
    public static SourcePrefix parse(String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            throw new IllegalArgumentException("must be an IPv4 or IPv6 address or prefix such as 127.0.0.0/24");
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!LITERAL.matcher(address).matches() || (!address.contains(".") && !address.contains(":"))) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or prefix");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or prefix");
        }
        int max = bytes.length * 8;
        int bits = max;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + max);
            }
        }
        byte[] network = mask(bytes, bits);
        String canonical = canonical(network) + (bits == max ? "" : "/" + bits);
        return new SourcePrefix(network, bits, canonical);
    }

    /** True when {@code address} is inside this prefix. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        byte[] masked = mask(candidate, bits);
        return java.util.Arrays.equals(masked, network);
    }

    private static byte[] mask(byte[] bytes, int bits) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    private static String canonical(byte[] network) {
        try {
            return InetAddress.getByAddress(network).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourcePrefix prefix && prefix.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
