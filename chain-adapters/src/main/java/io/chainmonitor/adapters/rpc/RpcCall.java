package io.chainmonitor.adapters.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

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

    /** One call per height from {@code fromHeight} to {@code toHeight}, both included, in height order. */
    public static List<RpcCall> perHeight(long fromHeight, long toHeight, LongFunction<RpcCall> call) {
        if (fromHeight < 0 || toHeight < fromHeight) {
            throw new IllegalArgumentException("bad height range " + fromHeight + ".." + toHeight);
        }
        List<RpcCall> calls = new ArrayList<>();
        for (long height = fromHeight; height <= toHeight; height++) {
            calls.add(call.apply(height));
        }
        return calls;
    }
}
