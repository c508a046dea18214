package io.chainmonitor.support.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which destinations a notification may reach: no loopback, private, link-local (cloud metadata included), CGNAT,
 * "this network", multicast, IPv6 unique-local or link-local address, IPv4-mapped or not, unless the operator
 * allow-listed it by CIDR or host name. Every address a name resolves to must pass.
 */
public final class OutboundPolicy {

    private static final List<Blocked> BLOCKED = List.of(
            new Blocked(Cidr.parse("0.0.0.0/8"), "'this network' (0.0.0.0/8)"),
            new Blocked(Cidr.parse("10.0.0.0/8"), "private (10.0.0.0/8)"),
            new Blocked(Cidr.parse("100.64.0.0/10"), "carrier-grade NAT (100.64.0.0/10)"),
            new Blocked(Cidr.parse("127.0.0.0/8"), "loopback (127.0.0.0/8)"),
            new Blocked(Cidr.parse("169.254.169.254/32"), "the cloud metadata endpoint (169.254.169.254)"),
            new Blocked(Cidr.parse("169.254.0.0/16"), "link-local (169.254.0.0/16)"),
            new Blocked(Cidr.parse("172.16.0.0/12"), "private (172.16.0.0/12)"),
            new Blocked(Cidr.parse("192.0.0.0/24"), "IETF protocol assignments (192.0.0.0/24)"),
            new Blocked(Cidr.parse("192.168.0.0/16"), "private (192.168.0.0/16)"),
            new Blocked(Cidr.parse("198.18.0.0/15"), "benchmarking (198.18.0.0/15)"),
            new Blocked(Cidr.parse("224.0.0.0/4"), "multicast (224.0.0.0/4)"),
            new Blocked(Cidr.parse("240.0.0.0/4"), "reserved (240.0.0.0/4)"),
            new Blocked(Cidr.parse("::/128"), "the unspecified address (::)"),
            new Blocked(Cidr.parse("::1/128"), "loopback (::1)"),
            new Blocked(Cidr.parse("fc00::/7"), "unique-local (fc00::/7)"),
            new Blocked(Cidr.parse("fe80::/10"), "link-local (fe80::/10)"),
            new Blocked(Cidr.parse("ff00::/8"), "multicast (ff00::/8)"));

    private final List<Cidr> allowedRanges = new ArrayList<>();
    private final List<String> allowedHosts = new ArrayList<>();
    private final HostResolver resolver;
    private final String allowSetting;

    /** @param allow CIDRs, addresses or host names the operator opens */
    public OutboundPolicy(List<String> allow, HostResolver resolver) {
        this(allow, resolver, "the outbound allow list");
    }

    /**
     * @param allow CIDRs, addresses or host names the operator opens
     * @param allowSetting the setting that holds {@code allow}, named in a refusal so the operator knows where to look
     */
    public OutboundPolicy(List<String> allow, HostResolver resolver, String allowSetting) {
        this.resolver = resolver;
        this.allowSetting = allowSetting;
        for (String entry : allow) {
            String value = entry.trim();
            if (value.matches("[0-9a-fA-F.:/]+") && (value.contains(".") || value.contains(":"))
                    && !value.matches(".*[g-zG-Z].*")) {
                allowedRanges.add(Cidr.parse(value));
            } else {
                allowedHosts.add(value.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Checks a user-given URL: an http(s) URL whose host resolves only to permitted addresses. */
    public void checkUrl(URI url) throws DestinationRefusedException {
        if (url == null || url.getScheme() == null
                || !List.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))) {
            throw new DestinationRefusedException("only http and https URLs are allowed");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new DestinationRefusedException("the URL has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw new DestinationRefusedException("URLs with credentials in them are not allowed");
        }
        resolve(url.getHost());
    }

    /** The addresses of {@code host}, once every one of them is permitted; the caller connects to these only. */
    public List<InetAddress> resolve(String host) throws DestinationRefusedException {
        String name = strip(host);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new DestinationRefusedException("host " + name + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new DestinationRefusedException("host " + name + " does not resolve");
        }
        if (allowedHosts.contains(name.toLowerCase(Locale.ROOT))) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                String via = name.matches("[0-9a-fA-F.:]+") ? "" : " (resolved from " + name + ")";
                throw new DestinationRefusedException("destination " + address.getHostAddress() + via + " is "
                        + refusal + " and not on " + allowSetting);
            }
        }
        return addresses;
    }

    /** Why the address is refused, or null when it may be reached. */
    String refusal(InetAddress address) {
        InetAddress effective = unmapped(address);
        if (allowedRanges.stream().anyMatch(range -> range.contains(effective) || range.contains(address))) {
            return null;
        }
        for (Blocked blocked : BLOCKED) {
            if (blocked.range().contains(effective)) {
                return blocked.what();
            }
        }
        if (effective.isAnyLocalAddress() || effective.isLoopbackAddress() || effective.isLinkLocalAddress()
                || effective.isSiteLocalAddress() || effective.isMulticastAddress()) {
            return "an internal address";
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}) or -compatible IPv6 address. */
    static InetAddress unmapped(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0 && (bytes[12] != 0 || bytes[13] != 0);
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[]{bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static String strip(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private record Blocked(Cidr range, String what) {
    }
}
