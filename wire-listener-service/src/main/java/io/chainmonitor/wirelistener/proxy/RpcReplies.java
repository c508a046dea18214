package io.chainmonitor.wirelistener.proxy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** The answers the listener gives itself, in the node's own dialect so that a honeypot answer looks plausible. */
final class RpcReplies {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int REFUSED = -32000;
    static final int UNAVAILABLE = -32603;

    private RpcReplies() {
    }

    /** One error object, with the request's id (raw JSON, null when absent). */
    static String error(boolean bitcoin, String idJson, int code, String message) {
        String id = idJson == null ? "null" : idJson;
        String error = "{\"code\":" + code + ",\"message\":" + JsonRpcInspector.quote(message) + "}";
        return bitcoin
                ? "{\"result\":null,\"error\":" + error + ",\"id\":" + id + "}"
                : "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":" + error + "}";
    }

    /** The message a node gives for a method it does not have. */
    static String methodNotFound(boolean bitcoin, String method) {
        return bitcoin ? "Method not found" : "the method " + method + " does not exist/is not available";
    }

    static String batch(List<String> errors) {
        return "[" + String.join(",", errors) + "]";
    }

    /** A JSON answer; Bitcoin Core answers JSON-RPC errors with 404 (no such method) or 500 (anything else). */
    static FullHttpResponse json(boolean bitcoin, int firstCode, String body, boolean keepAlive) {
        HttpResponseStatus status = !bitcoin
                ? HttpResponseStatus.OK
                : firstCode == METHOD_NOT_FOUND
                        ? HttpResponseStatus.NOT_FOUND
                        : HttpResponseStatus.INTERNAL_SERVER_ERROR;
        return response(status, "application/json", body, keepAlive);
    }

    static FullHttpResponse response(HttpResponseStatus status, String contentType, String body, boolean keepAlive) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        response.headers().set(HttpHeaderNames.CONNECTION,
                keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        return response;
    }
}
