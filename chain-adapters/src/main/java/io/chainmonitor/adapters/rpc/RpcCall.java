package io.chainmonitor.adapters.rpc;

import java.util.List;
import java.util.Objects;

/** One JSON-RPC call: a method and its positional parameters. */
public record RpcCall(String method, List<Object> params) {

    public RpcCall {
        Objects.requireNonNull(method, "method");
        params = List.copyOf(params);
    }

    /** A call of {@code method} with {@code params}. */
    public static RpcCall of(String method, Object... params) {
        return new RpcCall(method, List.of(params));
    }
}
