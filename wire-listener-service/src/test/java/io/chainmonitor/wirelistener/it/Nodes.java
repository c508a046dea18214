package io.chainmonitor.wirelistener.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.chainmonitor.support.embedded.test.TestBinaries;

import static org.awaitility.Awaitility.await;

/** Real node processes on loopback ports, called directly (not through the listener) by the test. */
final class Nodes {

    private Nodes() {
    }

    /** A running node: its process, ports and the Authorization header a direct call needs. */
    record Node(Process process, int rpcPort, int p2pPort, String authorization) implements AutoCloseable {

        String rpcUrl() {
            return "http://127.0.0.1:" + rpcPort;
        }

        String p2pAddress() {
            return "127.0.0.1:" + p2pPort;
        }

        /** Posts a raw body straight to the node. */
        HttpResponse<byte[]> post(String body) {
            return Nodes.post(rpcUrl(), body, authorization);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Node anvil(Path dataDir) {
        int port = freePort();
        Node node = start(List.of(TestBinaries.required("chain-monitor.test.anvil").toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--no-mining"), dataDir, port, -1, null);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> node.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}")
                        .statusCode() == 200);
        return node;
    }

    static Node litecoind(Path dataDir, String user, String password) {
        int rpcPort = freePort();
        int p2pPort = freePort();
        String authorization = "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Node node = start(List.of(TestBinaries.required("chain-monitor.test.litecoind").toString(), "-chain=regtest",
                "-datadir=" + dataDir, "-server=1", "-listen=1", "-bind=127.0.0.1:" + p2pPort, "-port=" + p2pPort,
                "-rpcbind=127.0.0.1", "-rpcallowip=127.0.0.1", "-rpcport=" + rpcPort, "-rpcuser=" + user,
                "-rpcpassword=" + password, "-dnsseed=0", "-listenonion=0", "-discover=0", "-upnp=0",
                "-printtoconsole=0"), dataDir, rpcPort, p2pPort, authorization);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> node.post("{\"id\":1,\"method\":\"getblockcount\",\"params\":[]}").statusCode() == 200);
        return node;
    }

    static HttpResponse<byte[]> post(String url, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Node start(List<String> command, Path dataDir, int rpcPort, int p2pPort, String authorization) {
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("node.log").toFile()).start();
            return new Node(process, rpcPort, p2pPort, authorization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
