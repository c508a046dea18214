package io.chainmonitor.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a range of one. */
record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (!address.matches("[0-9a-fA-F.:]+") || address.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not an address or CIDR");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address or CIDR", e);
        }
        int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("'" + text + "' has a prefix out of range");
        }
        return new Cidr(bytes, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
