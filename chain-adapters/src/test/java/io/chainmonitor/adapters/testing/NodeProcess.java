package io.chainmonitor.adapters.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint.Credentials;
import io.chainmonitor.adapters.rpc.JdkHttpTransport;
import io.chainmonitor.adapters.rpc.JsonRpcClient;
import io.chainmonitor.adapters.rpc.RpcAuthorization;

import static org.awaitility.Awaitility.await;

/**
 * A real node process started by a test on loopback ports: its command line, a log file, a raw JSON-RPC line to
 * drive it (mine, send, reorg) and a stop that waits for the process to end.
 */
public final class NodeProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final URI rpcUrl;
    private final Credentials credentials;
    private final String readinessMethod;
    private final String jsonRpcVersion;
    private Process process;
    private JsonRpcClient rpc;

    NodeProcess(List<String> command, Path log, URI rpcUrl, Credentials credentials, String readinessMethod,
            String jsonRpcVersion) {
        this.command = List.copyOf(command);
        this.log = log;
        this.rpcUrl = rpcUrl;
        this.credentials = credentials;
        this.readinessMethod = readinessMethod;
        this.jsonRpcVersion = jsonRpcVersion;
    }

    /** A TCP port on 127.0.0.1 that nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node binary named by a Failsafe system property. */
    static String binary(String property) {
        String binary = System.getProperty(property);
        if (binary == null || binary.isBlank()) {
            throw new IllegalStateException("system property " + property
                    + " is not set: run the ITs through Maven (Failsafe sets it) after scripts/install-test-nodes.sh");
        }
        return binary;
    }

    /** Starts the process and waits until its RPC answers. */
    public NodeProcess start() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
        rpc = new JsonRpcClient(new JdkHttpTransport(rpcUrl, Duration.ofSeconds(30)), new RpcAuthorization(credentials),
                new ClientSettings(Duration.ofSeconds(30), 50, 4, Duration.ofSeconds(1)), jsonRpcVersion);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(ChainClientException.class).until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(command.getFirst() + " exited; see " + log);
                        }
                        call(readinessMethod);
                        return true;
                    });
        } catch (RuntimeException | Error notReady) {
            stop();
            throw notReady;
        }
        return this;
    }

    public URI rpcUrl() {
        return rpcUrl;
    }

    /** One RPC call to the node. */
    public JsonNode call(String method, Object... params) {
        return rpc.call(method, params);
    }

    /** Ends the process and waits for it. */
    public void stop() {
        try {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            process = null;
            if (rpc != null) {
                rpc.close();
                rpc = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
