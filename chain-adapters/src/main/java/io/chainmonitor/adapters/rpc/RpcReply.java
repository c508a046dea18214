package io.chainmonitor.adapters.rpc;

import java.util.Objects;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.adapters.ChainClientException;

/**
 * The node's answer to one call of a batch: a result (JSON {@code null} included) or an error.
 *
 * @param result the {@code result} member, {@code null} when the call failed
 * @param error the {@code error} member, {@code null} when the call succeeded
 */
public record RpcReply(RpcCall call, JsonNode result, RpcError error) {

    public RpcReply {
        Objects.requireNonNull(call, "call");
        if ((result == null) == (error == null)) {
            throw new IllegalArgumentException("a reply has either a result or an error");
        }
    }

    /** {@code true} when the node answered this call with an error. */
    public boolean failed() {
        return error != null;
    }

    /** The result, or the error as a {@link ChainClientException.Rejected}. */
    public JsonNode orThrow() {
        if (error != null) {
            throw error.rejection(call.method());
        }
        return result;
    }

    /** A JSON-RPC error object. */
    public record RpcError(Integer code, String message) {

        /** {@code -32601}: the node does not know the method. */
        public static final int METHOD_NOT_FOUND = -32601;

        /** {@code true} when the node does not know the method (JSON-RPC {@code -32601}). */
        public boolean methodNotFound() {
            return code != null && code == METHOD_NOT_FOUND;
        }

        ChainClientException.Rejected rejection(String method) {
            return new ChainClientException.Rejected(method, code, method + " rejected: " + message, null);
        }
    }
}
