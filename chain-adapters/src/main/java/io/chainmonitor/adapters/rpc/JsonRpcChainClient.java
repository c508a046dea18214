package io.chainmonitor.adapters.rpc;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.chainmonitor.adapters.ChainClient;
import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint;
import io.chainmonitor.rules.chain.ChainFamily;

/**
 * What the JSON-RPC clients of every family share: the {@link JsonRpcClient} to the node, the family and unit, the
 * ping, the head follower and closing.
 */
public abstract class JsonRpcChainClient implements ChainClient {

    private final ChainFamily family;
    private final int nativeDecimals;
    private final String pingMethod;
    private final NodeEndpoint endpoint;
    private final ClientSettings settings;
    private final JsonRpcClient rpc;
    private final Set<HeadFollower> followers = ConcurrentHashMap.newKeySet();

    /**
     * @param pingMethod a cheap call without parameters, timed by {@link #ping()}
     * @param version the {@code jsonrpc} member sent (see {@link JsonRpcClient})
     */
    protected JsonRpcChainClient(ChainFamily family, int nativeDecimals, String pingMethod, NodeEndpoint endpoint,
            ClientSettings settings, HttpTransport transport, String version) {
        this.family = family;
        this.nativeDecimals = nativeDecimals;
        this.pingMethod = pingMethod;
        this.endpoint = endpoint;
        this.settings = settings;
        this.rpc = new JsonRpcClient(transport, new RpcAuthorization(endpoint.credentials()), settings, version);
    }

    /** The JSON-RPC line to the node. */
    protected final JsonRpcClient rpc() {
        return rpc;
    }

    @Override
    public final ChainFamily family() {
        return family;
    }

    @Override
    public final int nativeDecimals() {
        return nativeDecimals;
    }

    @Override
    public final Duration ping() {
        long start = System.nanoTime();
        rpc.call(pingMethod);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Follows heads: pushed over {@code push} where given, else (and while it is down) polled with {@link #head()}. */
    protected final HeadSubscription followHeads(HeadListener listener, HeadFollower.PushChannel push) {
        HeadFollower follower = HeadFollower.start(this::head, push, settings.pollInterval(), listener,
                family.value() + "-heads " + endpoint.rpcUrl().getAuthority());
        followers.removeIf(HeadFollower::isClosed);
        followers.add(follower);
        return follower;
    }

    /** Closes the head subscriptions still open, then the connections. */
    @Override
    public void close() {
        followers.forEach(HeadFollower::close);
        followers.clear();
        rpc.close();
    }
}
