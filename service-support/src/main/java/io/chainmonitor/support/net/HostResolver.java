package io.chainmonitor.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name or address literal into addresses; the seam tests replace to stand in for DNS. */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The system resolver. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
