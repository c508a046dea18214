package io.chainmonitor.support.net.test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import io.chainmonitor.support.net.HostResolver;

/** Stands in for DNS in tests: names map to chosen addresses, anything else must be an address literal. */
public final class FakeDns {

    private FakeDns() {
    }

    public static HostResolver of(Map<String, String> names) {
        return host -> {
            String address = names.get(host);
            if (address != null) {
                return List.of(InetAddress.getByName(address));
            }
            if (!host.matches("[0-9a-fA-F.:]+")) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(host));
        };
    }
}
