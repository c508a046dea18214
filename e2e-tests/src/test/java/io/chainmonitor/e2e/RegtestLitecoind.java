package io.chainmonitor.e2e;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A litecoind in regtest on loopback ports (installed by {@code scripts/install-test-nodes.sh}), with the RPC
 * credentials the platform derives for its replica, and a JSON-RPC client for the scenario's steps.
 */
final class RegtestLitecoind implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int rpcPort;
    private final int p2pPort;
    private final String authorization;

    private RegtestLitecoind(Process process, int rpcPort, int p2pPort, String user, String password) {
        this.process = process;
        this.rpcPort = rpcPort;
        this.p2pPort = p2pPort;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static RegtestLitecoind start(Path dataDir, String user, String password, List<String> peers)
            throws IOException {
        int rpcPort = freePort();
        int p2pPort = freePort();
        List<String> command = new ArrayList<>(List.of(binary().toString(), "-chain=regtest", "-datadir=" + dataDir,
                "-server=1", "-listen=1", "-bind=127.0.0.1:" + p2pPort, "-bind=127.0.0.1:" + p2pPort + "=onion",
                "-port=" + p2pPort, "-rpcbind=127.0.0.1", "-rpcallowip=127.0.0.1", "-rpcport=" + rpcPort,
                "-rpcuser=" + user, "-rpcpassword=" + password, "-dnsseed=0", "-listenonion=0", "-discover=0",
                "-upnp=0", "-fallbackfee=0.0001", "-printtoconsole=0"));
        peers.forEach(peer -> command.add("-addnode=" + peer));
        Files.createDirectories(dataDir);
        Process process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("node.log").toFile()).start();
        RegtestLitecoind node = new RegtestLitecoind(process, rpcPort, p2pPort, user, password);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> node.call("getblockchaininfo") != null);
        return node;
    }

    String rpcUrl() {
        return "http://127.0.0.1:" + rpcPort;
    }

    String p2pAddress() {
        return "127.0.0.1:" + p2pPort;
    }

    /** Calls a method of the node (of its default wallet, for wallet methods); fails on an RPC error. */
    JsonNode call(String method, Object... params) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("jsonrpc", "1.0", "id", 1, "method", method, "params",
                    List.of(params)));
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(rpcUrl()))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode reply = JSON.readTree(response.body());
            if (reply.hasNonNull("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return reply.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private static Path binary() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(entry, "litecoind");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("litecoind is not on the PATH: run scripts/install-test-nodes.sh");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
