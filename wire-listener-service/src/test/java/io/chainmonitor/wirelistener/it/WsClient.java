package io.chainmonitor.wirelistener.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client that keeps every text message it receives and the close code, for assertions. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    /** Connects to the public RPC URL's WebSocket ({@code http://…} becomes {@code ws://…/}). */
    WsClient(String publicRpcUrl) throws Exception {
        URI rpc = URI.create(publicRpcUrl);
        this.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://" + rpc.getHost() + ":" + rpc.getPort() + "/"), this)
                .get(30, TimeUnit.SECONDS);
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(30, TimeUnit.SECONDS);
    }

    /** Sends without waiting: a send the listener cuts short fails, which is what some tests expect. */
    CompletableFuture<WebSocket> sendAsync(String text) {
        return socket.sendText(text, true);
    }

    CompletableFuture<WebSocket> sendBinary(byte[] bytes) {
        return socket.sendBinary(ByteBuffer.wrap(bytes), true);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** The close code the listener sent, once it closed. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        socket.abort();
        http.close();
    }
}
