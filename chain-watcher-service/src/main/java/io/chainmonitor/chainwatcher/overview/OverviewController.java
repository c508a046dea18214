package io.chainmonitor.chainwatcher.overview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.chainwatcher.ChainWatcherException;
import io.chainmonitor.chainwatcher.ChainWatcherException.Reason;
import io.chainmonitor.chainwatcher.follow.Followers;
import io.chainmonitor.chainwatcher.follow.FollowingState;
import io.chainmonitor.chainwatcher.follow.ProgressStore;
import io.chainmonitor.chainwatcher.follow.ProgressStore.PublishedBlock;
import io.chainmonitor.chainwatcher.follow.ProgressStore.ReplicaRow;
import io.chainmonitor.chainwatcher.follow.ReplicaKey;
import io.chainmonitor.chainwatcher.follow.ReplicaSnapshot;
import io.chainmonitor.chainwatcher.metrics.ProjectObservations;
import io.chainmonitor.chainwatcher.overview.SystemHealthOverview.KeyValues;
import io.chainmonitor.chainwatcher.overview.SystemHealthOverview.ReplicaOverview;

/** The System Health Overview of a project and the blocks published for its replicas. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
class OverviewController {

    /** Most blocks one blocks request returns. */
    static final int MAX_BLOCKS = 1000;

    private final Followers followers;
    private final ProgressStore store;
    private final Clock clock;

    OverviewController(Followers followers, ProgressStore store, Clock clock) {
        this.followers = followers;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/overview")
    SystemHealthOverview overview(@PathVariable String projectId) {
        List<ReplicaRow> rows = store.replicas(projectId);
        if (rows.isEmpty()) {
            throw new ChainWatcherException(Reason.PROJECT_NOT_FOUND,
                    "the chain watcher follows no replica of project '" + projectId + "'");
        }
        Instant now = clock.instant();
        Map<String, ReplicaSnapshot> live = followers.snapshots(projectId).stream()
                .collect(Collectors.toMap(ReplicaSnapshot::replicaId, Function.identity()));
        List<ReplicaOverview> replicas = new ArrayList<>();
        for (ReplicaRow row : rows) {
            ReplicaSnapshot snapshot = live.get(row.replicaId());
            if (snapshot == null) {
                replicas.add(new ReplicaOverview(row.replicaId(), row.chainType(), state(row), row.height(),
                        row.hash(), null, null, null, null, null));
            } else {
                replicas.add(new ReplicaOverview(row.replicaId(), row.chainType(), wire(snapshot.state()),
                        snapshot.height(), snapshot.headHash(), snapshot.lastBlockTime(), snapshot.blocksBehind(),
                        snapshot.peers(), snapshot.rpcLatencySeconds(), snapshot.mempoolSize()));
            }
        }
        List<ReplicaSnapshot> snapshots = List.copyOf(live.values());
        ReplicaSnapshot leader = snapshots.stream().filter(s -> s.height() != null)
                .max(Comparator.comparing(ReplicaSnapshot::height)).orElse(null);
        Double hashrate = snapshots.stream().map(ReplicaSnapshot::hashrate).filter(Objects::nonNull).findFirst()
                .orElse(null);
        ProjectObservations observed = followers.observations(projectId).orElse(null);
        KeyValues keyValues = new KeyValues(leader == null ? null : leader.averageBlockInterval(), hashrate,
                observed == null ? 0 : observed.reorgsSince(now.minus(Duration.ofHours(1))),
                observed == null ? 0 : observed.latestDivergence(),
                rows.stream().mapToLong(ReplicaRow::orphanedBlocks).sum(), leader == null ? null : leader.height());
        return new SystemHealthOverview(projectId, now, replicas, keyValues);
    }

    @GetMapping("/replicas/{replicaId}/blocks")
    List<PublishedBlock> blocks(@PathVariable String projectId, @PathVariable String replicaId,
            @RequestParam(required = false) Long from, @RequestParam(required = false) Long to) {
        ReplicaRow row = store.replicas(projectId).stream().filter(r -> r.replicaId().equals(replicaId)).findFirst()
                .orElseThrow(() -> new ChainWatcherException(Reason.REPLICA_NOT_FOUND,
                        "the chain watcher knows no replica '" + replicaId + "' of project '" + projectId + "'"));
        long last = to != null ? to : row.height() == null ? -1 : row.height();
        long first = from != null ? from : Math.max(0, last - 99);
        if (first < 0 || last < first && (from != null || to != null)) {
            throw new ChainWatcherException(Reason.INVALID_RANGE,
                    "'from' must be at least 0 and not above 'to'; got from=" + first + ", to=" + last);
        }
        if (last - first + 1 > MAX_BLOCKS) {
            throw new ChainWatcherException(Reason.INVALID_RANGE,
                    "at most " + MAX_BLOCKS + " blocks per request; got from=" + first + ", to=" + last);
        }
        return store.blocks(new ReplicaKey(projectId, replicaId), first, last);
    }

    private static String state(ReplicaRow row) {
        return row.following() ? wire(FollowingState.STARTING) : wire(FollowingState.STOPPED);
    }

    private static String wire(FollowingState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
