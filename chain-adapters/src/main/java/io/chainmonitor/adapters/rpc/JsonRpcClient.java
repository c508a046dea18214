package io.chainmonitor.adapters.rpc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.rpc.HttpTransport.HttpReply;
import io.chainmonitor.adapters.rpc.RpcReply.RpcError;

/**
 * JSON-RPC over HTTP to one node: single calls and batches (JSON arrays of at most the batch size, sent concurrently
 * when there are several), at most {@code maxConcurrentRequests} HTTP requests in flight, replies matched to calls by
 * id. Every failure leaves as a {@link ChainClientException}: no answer or HTTP 5xx without a JSON-RPC body is
 * {@code UNAVAILABLE}; a JSON-RPC error, HTTP 401/403 or another HTTP error is {@code REJECTED}; an answer that is not
 * JSON-RPC is {@code MALFORMED}.
 */
public final class JsonRpcClient implements AutoCloseable {

    private static final int SNIPPET_LENGTH = 160;

    private final HttpTransport transport;
    private final RpcAuthorization authorization;
    private final JsonMapper mapper = newMapper();
    private final Semaphore permits;
    private final int batchSize;
    private final Duration timeout;
    private final String version;
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService batchSenders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    /**
     * @param version the {@code jsonrpc} member: {@code "2.0"} for EVM nodes; {@code "1.0"} for Bitcoin Core, whose
     *            legacy mode answers the same way across versions
     */
    public JsonRpcClient(HttpTransport transport, RpcAuthorization authorization, ClientSettings settings,
            String version) {
        this.transport = transport;
        this.authorization = authorization;
        this.permits = new Semaphore(settings.maxConcurrentRequests(), true);
        this.batchSize = settings.batchSize();
        this.timeout = settings.requestTimeout();
        this.version = version;
    }

    /** A mapper that keeps JSON decimals exact ({@link java.math.BigDecimal}) and refuses trailing garbage. */
    public static JsonMapper newMapper() {
        return JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** The mapper used for answers. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** One call in one request; its result (JSON {@code null} included) or its error as {@code REJECTED}. */
    public JsonNode call(String method, Object... params) {
        RpcCall call = RpcCall.of(method, params);
        long id = ids.incrementAndGet();
        JsonNode answer = exchange(method, mapper.writeValueAsBytes(request(call, id)));
        if (!answer.isObject()) {
            throw malformed(method, "the answer is not a JSON-RPC response object", null);
        }
        if (idOf(method, answer) != id) {
            throw malformed(method, "the answer carries id " + answer.get("id") + ", expected " + id, null);
        }
        return reply(call, answer).orThrow();
    }

    /** The calls in batches of at most the batch size; the replies in call order, each a result or an error. */
    public List<RpcReply> batch(List<RpcCall> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        if (calls.size() <= batchSize) {
            return sendBatch(calls);
        }
        List<Future<List<RpcReply>>> parts = new ArrayList<>();
        for (int start = 0; start < calls.size(); start += batchSize) {
            List<RpcCall> part = calls.subList(start, Math.min(calls.size(), start + batchSize));
            try {
                parts.add(batchSenders.submit(() -> sendBatch(part)));
            } catch (RejectedExecutionException closedMeanwhile) {
                parts.forEach(sent -> sent.cancel(true));
                throw new ChainClientException.Unavailable(part.getFirst().method(),
                        part.getFirst().method() + ": the client is closed", closedMeanwhile);
            }
        }
        List<RpcReply> replies = new ArrayList<>(calls.size());
        try {
            for (Future<List<RpcReply>> part : parts) {
                replies.addAll(awaitPart(part, calls.get(0).method()));
            }
        } finally {
            parts.forEach(part -> part.cancel(true));
        }
        return replies;
    }

    /**
     * {@link #batch(List)} sent in the background, so that a caller can overlap two independent reads; {@link #await}
     * its replies. Concurrency stays bounded by the client's request permits.
     */
    public Future<List<RpcReply>> batchInBackground(List<RpcCall> calls) {
        try {
            return batchSenders.submit(() -> batch(calls));
        } catch (RejectedExecutionException closedMeanwhile) {
            String method = calls.isEmpty() ? "batch" : calls.getFirst().method();
            throw new ChainClientException.Unavailable(method, method + ": the client is closed", closedMeanwhile);
        }
    }

    /** The replies of a {@link #batchInBackground(List)}, its failure thrown as the client's own exception. */
    public List<RpcReply> await(Future<List<RpcReply>> replies, String method) {
        return awaitPart(replies, method);
    }

    /** The results of a batch; the first failed call is thrown as {@code REJECTED}. */
    public List<JsonNode> batchResults(List<RpcCall> calls) {
        return batch(calls).stream().map(RpcReply::orThrow).toList();
    }

    @Override
    public void close() {
        closed = true;
        batchSenders.shutdownNow();
        transport.close();
    }

    private List<RpcReply> sendBatch(List<RpcCall> calls) {
        String label = calls.getFirst().method();
        long first = ids.getAndAdd(calls.size()) + 1;
        ArrayNode body = mapper.createArrayNode();
        for (int i = 0; i < calls.size(); i++) {
            body.add(request(calls.get(i), first + i));
        }
        JsonNode answer = exchange(label, mapper.writeValueAsBytes(body));
        if (!answer.isArray()) {
            // A node that refuses a whole batch (too large, batches disabled) answers with one error object.
            if (answer.isObject() && answer.hasNonNull("error")) {
                throw reply(calls.getFirst(), answer).error().rejection(label);
            }
            throw malformed(label, "the answer to a batch is not a JSON array", null);
        }
        RpcReply[] replies = new RpcReply[calls.size()];
        for (JsonNode element : answer) {
            if (!element.isObject()) {
                throw malformed(label, "a batch answer element is not an object", null);
            }
            long index = idOf(label, element) - first;
            if (index < 0 || index >= calls.size() || replies[(int) index] != null) {
                throw malformed(label, "the batch answer carries an unexpected id " + element.get("id"), null);
            }
            replies[(int) index] = reply(calls.get((int) index), element);
        }
        for (int i = 0; i < replies.length; i++) {
            if (replies[i] == null) {
                throw malformed(label,
                        "the batch answer has no reply to call " + i + " (" + calls.get(i).method() + ")",
                        null);
            }
        }
        return List.of(replies);
    }

    private ObjectNode request(RpcCall call, long id) {
        ObjectNode request = mapper.createObjectNode();
        request.put("jsonrpc", version);
        request.put("id", id);
        request.put("method", call.method());
        request.set("params", mapper.valueToTree(call.params()));
        return request;
    }

    private JsonNode exchange(String label, byte[] body) {
        HttpReply reply = post(label, body);
        if (reply.status() == 401 && authorization.refresh()) {
            reply = post(label, body);
        }
        int status = reply.status();
        if (status == 401 || status == 403) {
            throw new ChainClientException.Rejected(label, status,
                    label + ": HTTP " + status + ", the node refused the credentials", null);
        }
        JsonNode tree = parse(reply.body());
        if (status >= 200 && status < 300) {
            if (tree == null) {
                throw malformed(label, "the answer is not JSON: " + snippet(reply.body()), null);
            }
            return tree;
        }
        // Bitcoin Core answers an RPC error with HTTP 404 or 500 and a JSON-RPC body: the node did answer.
        if (tree != null && (tree.isArray() || tree.has("error"))) {
            return tree;
        }
        if (status >= 500) {
            throw new ChainClientException.Unavailable(label,
                    label + ": HTTP " + status + " from the node: " + snippet(reply.body()), null);
        }
        throw new ChainClientException.Rejected(label, status,
                label + ": HTTP " + status + " from the node: " + snippet(reply.body()), null);
    }

    private HttpReply post(String label, byte[] body) {
        if (closed) {
            throw new ChainClientException.Unavailable(label, label + ": the client is closed", null);
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainClientException.Unavailable(label, label + ": interrupted while waiting to send", e);
        }
        try {
            return transport.post(body, authorization.header());
        } catch (HttpTimeoutException | InterruptedIOException e) {
            throw new ChainClientException.Unavailable(label, label + ": no answer within " + timeout, e);
        } catch (IOException e) {
            throw new ChainClientException.Unavailable(label, label + ": cannot reach the node: " + e, e);
        } finally {
            permits.release();
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode tree = mapper.readTree(body);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (JacksonException e) {
            return null;
        }
    }

    private RpcReply reply(RpcCall call, JsonNode answer) {
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            if (!error.isObject()) {
                return new RpcReply(call, null, new RpcError(null, error.asString()));
            }
            JsonNode code = error.get("code");
            return new RpcReply(call, null,
                    new RpcError(code != null && code.isIntegralNumber() ? code.intValue() : null,
                            error.path("message").asString("")));
        }
        if (!answer.has("result")) {
            throw malformed(call.method(), "the answer has neither result nor error", null);
        }
        return new RpcReply(call, answer.get("result"), null);
    }

    private long idOf(String label, JsonNode answer) {
        JsonNode id = answer.get("id");
        if (id == null || !id.isIntegralNumber()) {
            throw malformed(label, "the answer carries no numeric id", null);
        }
        return id.longValue();
    }

    private <T> T awaitPart(Future<T> part, String label) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainClientException.Unavailable(label, label + ": interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChainClientException failure) {
                throw failure;
            }
            throw new ChainClientException.Malformed(label, label + ": " + e.getCause(), e.getCause());
        }
    }

    private static ChainClientException.Malformed malformed(String label, String message, Throwable cause) {
        return new ChainClientException.Malformed(label, label + ": " + message, cause);
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= SNIPPET_LENGTH ? text : text.substring(0, SNIPPET_LENGTH) + "…";
    }
}
