package io.chainmonitor.chainwatcher.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.support.embedded.test.TestBinaries;

import static org.awaitility.Awaitility.await;

/** A real node process the test starts on loopback ports, talks to over JSON-RPC and stops. */
final class TestNode implements AutoCloseable {

    static final String PAYOUT = "rltc1qfr4j35k4w023f4xjkkryryxs8wfqtjy7z62rdp";

    private final Process process;
    private final JsonRpc rpc;
    final int rpcPort;
    final int p2pPort;

    private TestNode(Process process, int rpcPort, int p2pPort, JsonRpc rpc) {
        this.process = process;
        this.rpcPort = rpcPort;
        this.p2pPort = p2pPort;
        this.rpc = rpc;
    }

    /** An anvil on a free loopback port, mining only on demand. */
    static TestNode anvil(Path dataDir) {
        int port = freePort();
        TestNode node = start(List.of(TestBinaries.required("chain-monitor.test.anvil").toString(), "--host",
                "127.0.0.1", "--port", Integer.toString(port), "--no-mining"), dataDir, port, -1,
                new JsonRpc("http://127.0.0.1:" + port, null, null));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> node.call("eth_blockNumber") != null);
        return node;
    }

    /** A litecoind in regtest with these RPC credentials, peering with {@code peers} (host:port). */
    static TestNode litecoind(Path dataDir, String user, String password, List<String> peers) {
        int rpcPort = freePort();
        int p2pPort = freePort();
        List<String> command = new ArrayList<>(List.of(TestBinaries.required("chain-monitor.test.litecoind").toString(),
                "-chain=regtest", "-datadir=" + dataDir, "-server=1", "-listen=1", "-bind=127.0.0.1:" + p2pPort,
                "-bind=127.0.0.1:" + p2pPort + "=onion", "-port=" + p2pPort, "-rpcbind=127.0.0.1",
                "-rpcallowip=127.0.0.1", "-rpcport=" + rpcPort, "-rpcuser=" + user, "-rpcpassword=" + password,
                "-dnsseed=0", "-listenonion=0", "-discover=0", "-upnp=0", "-fallbackfee=0.0001", "-printtoconsole=0"));
        peers.forEach(peer -> command.add("-addnode=" + peer));
        TestNode node = start(command, dataDir, rpcPort, p2pPort,
                new JsonRpc("http://127.0.0.1:" + rpcPort, user, password));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> node.call("getblockchaininfo") != null);
        return node;
    }

    private static TestNode start(List<String> command, Path dataDir, int rpcPort, int p2pPort, JsonRpc rpc) {
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command).directory(dataDir.toFile())
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("node.log").toFile()).start();
            return new TestNode(process, rpcPort, p2pPort, rpc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String rpcUrl() {
        return "http://127.0.0.1:" + rpcPort;
    }

    String p2pAddress() {
        return "127.0.0.1:" + p2pPort;
    }

    JsonNode call(String method, Object... params) {
        return rpc.call(method, params);
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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
