package io.chainmonitor.benchmarks.backfill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint.Credentials;
import io.chainmonitor.adapters.rpc.JdkHttpTransport;
import io.chainmonitor.adapters.rpc.JsonRpcClient;
import io.chainmonitor.adapters.rpc.RpcAuthorization;

/** An anvil process on a free loopback port that mines only when told, with a raw JSON-RPC line to fill it. */
final class AnvilNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI rpcUrl;
    private final JsonRpcClient rpc;
    private final String version;

    private AnvilNode(Process process, URI rpcUrl, String version) {
        this.process = process;
        this.rpcUrl = rpcUrl;
        this.version = version;
        this.rpc = new JsonRpcClient(new JdkHttpTransport(rpcUrl, Duration.ofSeconds(60)),
                new RpcAuthorization(new Credentials.None()),
                new ClientSettings(Duration.ofSeconds(60), 200, 4, Duration.ofSeconds(1)), "2.0");
    }

    /** Starts {@code binary} with automine off and returns once it listens. */
    static AnvilNode start(String binary) {
        String version = version(binary);
        int port = freePort();
        Process process;
        try {
            process = new ProcessBuilder(binary, "--host", "127.0.0.1", "--port", String.valueOf(port), "--no-mining")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BenchmarkException(BenchmarkException.Reason.NODE, "cannot start anvil at " + binary, e);
        }
        // anvil prints "Listening on" once its RPC accepts connections; the rest of its output is drained and
        // dropped so the pipe never fills up and blocks it.
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("anvil-output").start(() -> drain(process, listening));
        try {
            listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new BenchmarkException(BenchmarkException.Reason.NODE, "anvil did not start listening", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new BenchmarkException(BenchmarkException.Reason.NODE, "interrupted while anvil started", e);
        }
        return new AnvilNode(process, URI.create("http://127.0.0.1:" + port + "/"), version);
    }

    private static void drain(Process process, CompletableFuture<Void> listening) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (!listening.isDone() && line.contains("Listening on")) {
                    listening.complete(null);
                }
            }
            listening.completeExceptionally(new IllegalStateException("anvil exited"));
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
    }

    private static String version(String binary) {
        try {
            Process process = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output.lines().findFirst().orElse("anvil (version unknown)").strip();
        } catch (IOException e) {
            throw new BenchmarkException(BenchmarkException.Reason.NODE, "cannot run " + binary + " --version", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException(BenchmarkException.Reason.NODE, "interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI rpcUrl() {
        return rpcUrl;
    }

    String version() {
        return version;
    }

    JsonRpcClient rpc() {
        return rpc;
    }

    List<String> accounts() {
        return rpc.call("eth_accounts").valueStream().map(node -> node.asString()).toList();
    }

    long blockNumber() {
        return Long.decode(rpc.call("eth_blockNumber").asString());
    }

    @Override
    public void close() {
        rpc.close();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
