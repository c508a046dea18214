package io.chainmonitor.support.embedded;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks that a port is served on loopback and on no other address of this machine. */
final class LoopbackOnly {

    private LoopbackOnly() {
    }

    static void assertServedOnLoopbackOnly(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Loopback.HOST, port), 2_000);
            assertThat(socket.isConnected()).as("port %d answers on loopback", port).isTrue();
        }
        for (InetAddress address : otherAddresses()) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 2_000);
                }
            }).as("port %d on %s", port, address).isInstanceOf(ConnectException.class);
        }
    }

    private static List<InetAddress> otherAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }
}
