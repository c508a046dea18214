package io.chainmonitor.chainwatcher.follow;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.chainmonitor.adapters.ChainClient;
import io.chainmonitor.adapters.ChainClientFactory;
import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint;
import io.chainmonitor.chainwatcher.ChainWatcherException;
import io.chainmonitor.chainwatcher.ChainWatcherException.Reason;
import io.chainmonitor.chainwatcher.ChainWatcherProperties;
import io.chainmonitor.chainwatcher.follow.ProgressStore.FollowedReplica;
import io.chainmonitor.chainwatcher.metrics.ProjectObservations;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.rules.chain.RpcAuth;
import io.chainmonitor.support.security.NodeRpcCredentials;

/**
 * The followers of every replica this watcher follows, started and stopped from lifecycle events and resumed from the
 * database when the service starts.
 */
@Component
public class Followers implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Followers.class);

    private final ChainClientFactory clients;
    private final ChainCatalog catalog;
    private final ProgressStore store;
    private final FollowerOutput output;
    private final ChainWatcherProperties properties;
    private final NodeRpcCredentials credentials;
    private final Clock clock;
    private final Map<ReplicaKey, Running> followers = new ConcurrentHashMap<>();
    private final Map<String, ProjectObservations> projects = new ConcurrentHashMap<>();
    private volatile boolean started;

    Followers(ChainClientFactory clients, ChainCatalog catalog, ProgressStore store, WatcherEvents output,
            ChainWatcherProperties properties, ObjectProvider<NodeRpcCredentials> credentials, Clock clock) {
        this.clients = clients;
        this.catalog = catalog;
        this.store = store;
        this.output = output;
        this.properties = properties;
        this.credentials = credentials.getIfAvailable();
        this.clock = clock;
    }

    /**
     * Follows a running replica at these endpoints; a replica already followed at the same endpoints is left alone,
     * one at new endpoints is followed again from its last committed block.
     */
    public synchronized void follow(ReplicaKey key, String chainTypeId, String rpcUrl, String wsUrl) {
        ChainType chainType = catalog.find(chainTypeId).orElseThrow(() -> new ChainWatcherException(
                Reason.UNKNOWN_CHAIN_TYPE, "chain type '" + chainTypeId + "' is not in the catalog"));
        FollowedReplica replica = new FollowedReplica(key, chainTypeId, rpcUrl, wsUrl);
        NodeEndpoint endpoint = endpoint(replica, chainType);
        Running current = followers.get(key);
        if (current != null && current.replica().equals(replica)) {
            return;
        }
        store.follow(replica);
        if (started) {
            launch(replica, chainType, endpoint);
        }
    }

    /** Stops following a replica (stopped or failed); its progress is kept for when it runs again. */
    public synchronized void unfollow(ReplicaKey key) {
        store.unfollow(key);
        halt(key);
    }

    /** Stops following every replica of a deleted project and forgets it. */
    public synchronized void forgetProject(String projectId) {
        followers.keySet().stream().filter(key -> key.projectId().equals(projectId)).toList().forEach(this::halt);
        projects.remove(projectId);
        store.forgetProject(projectId);
    }

    /** What the followers of a project's replicas know now. */
    public List<ReplicaSnapshot> snapshots(String projectId) {
        List<ReplicaSnapshot> snapshots = new ArrayList<>();
        followers.forEach((key, running) -> {
            if (key.projectId().equals(projectId)) {
                snapshots.add(running.follower().snapshot());
            }
        });
        return snapshots;
    }

    public Optional<ProjectObservations> observations(String projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }

    @Override
    public synchronized void start() {
        started = true;
        for (FollowedReplica replica : store.followed()) {
            Optional<ChainType> chainType = catalog.find(replica.chainType());
            if (chainType.isEmpty()) {
                LOG.warn("Replica {} is of chain type {}, which the catalog no longer has; not followed",
                        replica.key().subject(), replica.chainType());
                continue;
            }
            try {
                launch(replica, chainType.get(), endpoint(replica, chainType.get()));
            } catch (RuntimeException e) {
                LOG.warn("Replica {} cannot be followed again", replica.key().subject(), e);
            }
        }
    }

    @Override
    public synchronized void stop() {
        started = false;
        List.copyOf(followers.keySet()).forEach(this::halt);
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    private void launch(FollowedReplica replica, ChainType chainType, NodeEndpoint endpoint) {
        halt(replica.key());
        ClientSettings settings = new ClientSettings(properties.requestTimeout(), properties.batchSize(),
                ClientSettings.DEFAULTS.maxConcurrentRequests(), properties.pollInterval());
        ChainClient client = clients.open(chainType, endpoint, settings);
        ProjectObservations project = projects.computeIfAbsent(replica.key().projectId(),
                id -> new ProjectObservations(properties.propagationCapacity(), properties.addressCapacity()));
        ReplicaFollower follower = new ReplicaFollower(replica.key(), chainType.id(), client, properties, store,
                output, project, clock);
        followers.put(replica.key(), new Running(replica, follower));
        follower.start();
        LOG.info("Following replica {} ({}) at {}", replica.key().subject(), chainType.id(), replica.rpcUrl());
    }

    private void halt(ReplicaKey key) {
        Running running = followers.remove(key);
        if (running != null) {
            running.follower().stop(properties.requestTimeout().plus(properties.publishTimeout())
                    .plus(Duration.ofSeconds(1)));
            LOG.info("Stopped following replica {}", key.subject());
        }
    }

    private NodeEndpoint endpoint(FollowedReplica replica, ChainType chainType) {
        URI rpc = uri(replica.rpcUrl(), replica.key(), "rpcUrl");
        URI ws = replica.wsUrl() == null ? null : uri(replica.wsUrl(), replica.key(), "wsUrl");
        NodeEndpoint.Credentials auth = new NodeEndpoint.Credentials.None();
        if (chainType.node().rpcAuth() == RpcAuth.USER_PASSWORD) {
            if (credentials == null) {
                LOG.warn("Replica {} needs RPC credentials but chain-monitor.security.node-rpc-secret is not set",
                        replica.key().subject());
            } else {
                NodeRpcCredentials.Credentials derived = credentials.forReplica(replica.key().projectId(),
                        replica.key().replicaId());
                auth = new NodeEndpoint.Credentials.UserPassword(derived.user(), derived.password());
            }
        }
        return new NodeEndpoint(rpc, ws, auth);
    }

    private static URI uri(String value, ReplicaKey key, String field) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ChainWatcherException(Reason.NO_ENDPOINT,
                    "replica " + key.subject() + " has no usable " + field + " '" + value + "'", e);
        }
    }

    private record Running(FollowedReplica replica, ReplicaFollower follower) {
    }
}
