package io.chainmonitor.wirelistener.listen;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.ChainFamily;
import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.rules.chain.RpcAuth;
import io.chainmonitor.rules.chain.WebSocketEndpoint;
import io.chainmonitor.support.security.NodeRpcCredentials;
import io.chainmonitor.wirelistener.WireListenerException;
import io.chainmonitor.wirelistener.WireListenerException.Reason;
import io.chainmonitor.wirelistener.WireListenerProperties;
import io.chainmonitor.wirelistener.p2p.P2pChannelInitializer;
import io.chainmonitor.wirelistener.p2p.P2pTarget;
import io.chainmonitor.wirelistener.policy.WirePolicies;
import io.chainmonitor.wirelistener.proxy.ProxyServices;
import io.chainmonitor.wirelistener.proxy.RpcChannelInitializer;
import io.chainmonitor.wirelistener.proxy.RpcTarget;

/**
 * The public ports of every running replica: opened when a replica runs, closed when it stops, closed and reopened
 * on the same ports by isolation. One small Netty event loop group accepts and serves every port.
 */
public class Listeners implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final ChainCatalog catalog;
    private final WireListenerProperties properties;
    private final ProxyServices services;
    private final NodeRpcCredentials credentials;
    private final WirePolicies policies;
    private final ListenerPorts ports;
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
            Math.max(2, Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory());
    private final Map<String, ReplicaListener> byReplica = new ConcurrentHashMap<>();

    public Listeners(ChainCatalog catalog, WireListenerProperties properties, ProxyServices services,
            NodeRpcCredentials credentials, WirePolicies policies, ListenerPorts ports) {
        this.catalog = catalog;
        this.ports = ports;
        this.policies = policies;
        this.properties = properties;
        this.services = services;
        this.credentials = credentials;
    }

    /** Opens (or keeps) the public ports of a running replica. */
    public synchronized void open(ReplicaLifecycle replica) {
        String id = id(replica.projectId(), replica.replicaId());
        ReplicaListener existing = byReplica.get(id);
        if (existing != null) {
            if (!existing.isolated()) {
                existing.open(boss, workers, properties.limits().maxConnections());
            }
            return;
        }
        ChainType type = catalog.find(replica.chainType()).orElseThrow(() -> new IllegalArgumentException(
                "unknown chain type " + replica.chainType()));
        ReplicaKey key = new ReplicaKey(replica.projectId(), replica.replicaId(), replica.chainType());
        ReplicaLifecycle.Endpoints endpoints = replica.endpoints();
        RpcChannelInitializer rpc = null;
        if (endpoints != null && endpoints.rpcUrl() != null) {
            URI uri = URI.create(endpoints.rpcUrl());
            rpc = new RpcChannelInitializer(new RpcTarget(key, uri.getHost(), uri.getPort(),
                    authorization(type, key), type.rpc(), type.family() == ChainFamily.BITCOIN,
                    () -> policies.criticalFor(key.projectId()), webSocket(type, endpoints, uri)), services);
        }
        P2pChannelInitializer p2p = null;
        if (endpoints != null && endpoints.p2pAddress() != null && type.p2p() != null) {
            URI uri = URI.create("tcp://" + endpoints.p2pAddress());
            p2p = new P2pChannelInitializer(P2pTarget.of(key, uri.getHost(), uri.getPort(), type.p2p()), services);
        }
        if (rpc == null && p2p == null) {
            throw new IllegalArgumentException("replica " + key.subject() + " names no endpoint to listen for");
        }
        ListenerPorts.Ports earlier = ports.find(key).orElse(new ListenerPorts.Ports(0, 0));
        ReplicaListener listener = new ReplicaListener(key, properties.bindHost(), rpc, p2p, earlier.rpc(),
                earlier.p2p());
        listener.open(boss, workers, properties.limits().maxConnections());
        byReplica.put(id, listener);
        ports.save(key, listener.rpcPort(), listener.p2pPort());
        LOG.info("Listening for {} on rpc {} p2p {}", key.subject(), listener.rpcPort(), listener.p2pPort());
    }

    /** The node's WebSocket endpoint (anvil serves it on its RPC port, geth on {@code {wsPort}}), or null. */
    private static URI webSocket(ChainType type, ReplicaLifecycle.Endpoints endpoints, URI rpc) {
        URI ws;
        if (endpoints.wsUrl() != null && !endpoints.wsUrl().isBlank()) {
            ws = URI.create(endpoints.wsUrl());
        } else if (type.node() != null && type.node().websocket() == WebSocketEndpoint.RPC_PORT) {
            // The spawner publishes no wsUrl for a node that upgrades on its RPC port.
            ws = URI.create("ws://" + rpc.getHost() + ":" + rpc.getPort() + "/");
        } else {
            return null;
        }
        return ws.getPath() == null || ws.getPath().isEmpty() ? ws.resolve("/") : ws;
    }

    /** Closes a replica's public ports for good. */
    public synchronized void close(String projectId, String replicaId) {
        ReplicaListener listener = byReplica.remove(id(projectId, replicaId));
        if (listener != null) {
            listener.close();
            services.traffic().forget(listener.replica());
        }
    }

    /** Closes every public port of a project. */
    public synchronized void closeProject(String projectId) {
        for (ReplicaListener listener : List.copyOf(byReplica.values())) {
            if (listener.replica().projectId().equals(projectId)) {
                close(projectId, listener.replica().replicaId());
            }
        }
        ports.forget(projectId);
    }

    /** Stops serving a replica's public ports, keeping the node running for forensics. */
    public synchronized void isolate(String projectId, String replicaId) {
        require(projectId, replicaId).isolate();
    }

    /** Serves an isolated replica's public ports again, on the same ports. */
    public synchronized void restore(String projectId, String replicaId) {
        require(projectId, replicaId).open(boss, workers, properties.limits().maxConnections());
    }

    /** The public addresses of a project's replicas. */
    public List<PublicEndpoints> of(String projectId) {
        return byReplica.values().stream().filter(l -> l.replica().projectId().equals(projectId))
                .map(this::view).toList();
    }

    /** One replica's public addresses, if it is listened for. */
    public Optional<PublicEndpoints> of(String projectId, String replicaId) {
        return Optional.ofNullable(byReplica.get(id(projectId, replicaId))).map(this::view);
    }

    private PublicEndpoints view(ReplicaListener listener) {
        String host = properties.publicHost();
        Integer rpc = listener.rpcPort();
        Integer p2p = listener.p2pPort();
        return new PublicEndpoints(listener.replica().replicaId(), listener.replica().chainType(),
                rpc == null ? null : "http://" + host + ":" + rpc, p2p == null ? null : host + ":" + p2p,
                listener.isolated());
    }

    /** A replica's public addresses as the API shows them. */
    public record PublicEndpoints(String replicaId, String chainType, String publicRpcUrl, String publicP2pAddress,
            boolean isolated) {
    }

    private ReplicaListener require(String projectId, String replicaId) {
        ReplicaListener listener = byReplica.get(id(projectId, replicaId));
        if (listener == null) {
            throw new WireListenerException(Reason.NOT_FOUND,
                    "no public listener for replica " + replicaId + " of project " + projectId);
        }
        return listener;
    }

    private String authorization(ChainType type, ReplicaKey key) {
        if (type.node().rpcAuth() != RpcAuth.USER_PASSWORD) {
            return null;
        }
        if (credentials == null) {
            LOG.warn("{} needs RPC credentials but no node-rpc-secret is configured; calls will be refused by the node",
                    key.subject());
            return null;
        }
        NodeRpcCredentials.Credentials c = credentials.forReplica(key.projectId(), key.replicaId());
        return "Basic " + Base64.getEncoder()
                .encodeToString((c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
    }

    private static String id(String projectId, String replicaId) {
        return projectId + '/' + replicaId;
    }

    @Override
    public void destroy() {
        byReplica.values().forEach(ReplicaListener::close);
        byReplica.clear();
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
