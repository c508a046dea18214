package io.chainmonitor.rules.eval;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.chainmonitor.events.project.ReplicaLifecycle;

/**
 * For every rule of the default packs, a recorded sequence on which it must fire and a near miss on which it must
 * not. A rule added to a pack without its sequences fails {@code DefaultPackScenariosTest}.
 */
final class PackScenarios {

    /** The two sequences of one rule. */
    record Case(Scenario fires, Scenario nearMiss) {
    }

    static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    static final Duration FIFTEEN_SECONDS = Duration.ofSeconds(15);

    private static final Map<String, Supplier<Case>> CASES = new HashMap<>();

    private PackScenarios() {
    }

    static Case of(String ruleId) {
        Supplier<Case> supplier = CASES.get(ruleId);
        return supplier == null ? null : supplier.get();
    }

    static boolean has(String ruleId) {
        return CASES.containsKey(ruleId);
    }

    private static void add(String ruleId, Supplier<Scenario> fires, Supplier<Scenario> nearMiss) {
        CASES.put(ruleId, () -> new Case(fires.get(), nearMiss.get()));
    }

    // --- building blocks shared by the packs

    /** {@code base} for 10 blocks then {@code after} for {@code recent} blocks: a block-window change. */
    static Scenario blockChange(String metric, int before, double base, int recent, double after) {
        return Scenario.start().blocks(before, metric, base).blocks(recent, metric, after);
    }

    /** {@code base} for ten minutes then {@code after} for {@code minutes}: a time-window change of node samples. */
    static Scenario timeChange(String metric, double base, int minutes, double after) {
        return Scenario.start().samples(41, FIFTEEN_SECONDS, metric, base).samples(minutes * 4, FIFTEEN_SECONDS,
                metric, after);
    }

    static Scenario nodeSamples(String metric, double value, int count) {
        return Scenario.start().samples(count, TEN_SECONDS, metric, value);
    }

    static Scenario values(String metric, double... values) {
        return valuesOn("r-1", metric, values);
    }

    static Scenario valuesOn(String replica, String metric, double... values) {
        Scenario scenario = Scenario.start().on(replica);
        for (double value : values) {
            scenario.block(Map.of(metric, value));
        }
        return scenario;
    }

    static Scenario hashrateSurge() {
        return blockChange("chain.hashrate", 10, 100e9, 10, 160e9);
    }

    static Scenario peersSurge() {
        return timeChange("node.peers", 8, 2, 18);
    }

    static Scenario errors(int errors, int warnings) {
        Scenario scenario = Scenario.start();
        for (int i = 0; i < errors; i++) {
            scenario.log("error", "ERROR: block validation failed " + i);
        }
        for (int i = 0; i < warnings; i++) {
            scenario.log("warn", "WARNING: peer misbehaving " + i);
        }
        return scenario;
    }

    static {
        powRules();
        powAttacks();
        posRules();
        posAttacks();
    }

    private static void powRules() {
        add("pow.hashrate-surge", PackScenarios::hashrateSurge,
                () -> blockChange("chain.hashrate", 10, 100e9, 10, 140e9));
        add("pow.hashrate-drop", () -> blockChange("chain.hashrate", 10, 100e9, 10, 55e9),
                () -> blockChange("chain.hashrate", 10, 100e9, 10, 65e9));
        add("pow.difficulty-drop", () -> blockChange("chain.difficulty", 10, 1000, 10, 700),
                () -> blockChange("chain.difficulty", 10, 1000, 10, 800));
        add("pow.reorg", () -> Scenario.start().blocks(3, "chain.reorg.count", 0).reorg(1),
                () -> Scenario.start().blocks(30, "chain.reorg.count", 0));
        add("pow.deep-reorg", () -> Scenario.start().blocks(3, "chain.height", 0).reorg(3),
                () -> Scenario.start().blocks(3, "chain.height", 0).reorg(2));
        add("pow.frequent-reorgs",
                () -> Scenario.start().reorg(1).blocks(30, "chain.height", 0).reorg(1).blocks(30, "chain.height", 0)
                        .reorg(1),
                () -> Scenario.start().reorg(1).blocks(60, "chain.height", 0).reorg(1).blocks(60, "chain.height", 0)
                        .reorg(1));
        add("pow.tip-divergence", () -> values("chain.tip.divergence", 0, 1, 1, 1),
                () -> values("chain.tip.divergence", 1, 1, 0, 1, 1, 0));
        add("pow.miner-dominance", () -> values("chain.miner.share", 0.3, 0.45, 0.6),
                () -> values("chain.miner.share", 0.3, 0.45, 0.5));
        add("pow.miner-streak", () -> values("chain.miner.consecutive", 1, 2, 3, 4, 5, 6),
                () -> values("chain.miner.consecutive", 1, 2, 3, 4, 5, 1));
        add("pow.block-propagation-slow", () -> values("chain.propagation.delay", 0.2, 3, 3, 3, 3, 3),
                () -> values("chain.propagation.delay", 0.2, 0.2, 0.2, 0.2, 8, 0.2, 0.2, 0.2));
        add("pow.blocks-behind", () -> values("chain.blocks_behind", 0, 6, 7, 8),
                () -> values("chain.blocks_behind", 6, 6, 0, 6, 6, 0));
        add("pow.block-interval-drop", () -> blockChange("chain.block.interval", 10, 150, 10, 60),
                () -> blockChange("chain.block.interval", 10, 150, 10, 90));
        add("pow.mempool-backlog", () -> nodeSamples("node.mempool.size", 6000, 3),
                () -> Scenario.start().samples(2, TEN_SECONDS, "node.mempool.size", 6000)
                        .samples(1, TEN_SECONDS, "node.mempool.size", 4000)
                        .samples(2, TEN_SECONDS, "node.mempool.size", 6000));
        add("pow.tx-surge", () -> blockChange("chain.block.transactions", 20, 100, 5, 350),
                () -> blockChange("chain.block.transactions", 20, 100, 5, 250));
        add("pow.large-transaction", () -> values("chain.tx.large_count", 0, 0, 1),
                () -> values("chain.tx.large_count", 0, 0, 0, 0));
        add("pow.rpc-latency-high", () -> nodeSamples("node.rpc.latency", 1.5, 12),
                () -> nodeSamples("node.rpc.latency", 0.9, 12));
        add("pow.peer-ping-high", () -> nodeSamples("node.peer.ping", 0.7, 18),
                () -> nodeSamples("node.peer.ping", 0.45, 18));
        add("pow.cpu-high", () -> nodeSamples("node.cpu.percent", 95, 12),
                () -> nodeSamples("node.cpu.percent", 85, 12));
        add("pow.rpc-unavailable", () -> nodeSamples("node.rpc.available", 0, 2),
                () -> Scenario.start().samples(1, TEN_SECONDS, "node.rpc.available", 0)
                        .samples(1, TEN_SECONDS, "node.rpc.available", 1)
                        .samples(1, TEN_SECONDS, "node.rpc.available", 0));
        add("pow.replica-offline", () -> Scenario.start().replica(ReplicaLifecycle.State.FAILED),
                () -> Scenario.start().replica(ReplicaLifecycle.State.RESTARTING)
                        .replica(ReplicaLifecycle.State.RUNNING));
        add("pow.node-errors", () -> errors(5, 0), () -> errors(4, 3));
        add("pow.peers-low", () -> nodeSamples("node.peers", 1, 3), () -> nodeSamples("node.peers", 2, 5));
        add("pow.peers-surge", PackScenarios::peersSurge, () -> timeChange("node.peers", 8, 2, 14));
        add("pow.peers-drop", () -> timeChange("node.peers", 10, 2, 4), () -> timeChange("node.peers", 10, 2, 6));
        add("pow.new-peers-same-subnet", () -> nodeSamples("node.peers.new_same_subnet_ratio", 0.8, 1),
                () -> nodeSamples("node.peers.new_same_subnet_ratio", 0.6, 3));
        add("pow.peers-different-tip", () -> nodeSamples("node.peers.different_tip", 2, 1),
                () -> nodeSamples("node.peers.different_tip", 1, 3));
        add("pow.wire-invalid-requests", () -> nodeSamples("wire.requests.invalid.rate", 8, 7),
                () -> nodeSamples("wire.requests.invalid.rate", 4, 12));
        add("pow.wire-p2p-invalid", () -> nodeSamples("wire.p2p.invalid_messages", 5, 7),
                () -> nodeSamples("wire.p2p.invalid_messages", 3, 12));
        add("pow.wire-request-flood", () -> timeChange("wire.requests.rate", 10, 1, 50),
                () -> timeChange("wire.requests.rate", 10, 1, 35));
        add("pow.wire-critical-call", () -> Scenario.start().wire(true, "critical-method"),
                () -> Scenario.start().wire(false, "unknown-method").wire(false, "unknown-method"));
    }

    private static void powAttacks() {
        add("pow.attack.51-percent", () -> hashrateSurgeHeld().reorg(6).blocks(1, "chain.tx.large_count", 1),
                () -> hashrateSurgeHeld().reorg(2).blocks(1, "chain.tx.large_count", 1));
        add("pow.attack.ddos",
                () -> nodeSamples("node.rpc.latency", 1.5, 12).then(nodeSamples("node.cpu.percent", 95, 12))
                        .replica(ReplicaLifecycle.State.UNHEALTHY),
                () -> nodeSamples("node.rpc.latency", 1.5, 12).then(nodeSamples("node.cpu.percent", 95, 12)));
        add("pow.attack.sybil",
                () -> peersSurge().then(nodeSamples("node.peers.new_same_subnet_ratio", 0.8, 1))
                        .then(nodeSamples("node.peers.different_tip", 3, 1)),
                () -> nodeSamples("node.peers.new_same_subnet_ratio", 0.8, 1).then(peersSurge())
                        .then(nodeSamples("node.peers.different_tip", 3, 1)));
        add("pow.attack.eclipse",
                () -> peersSurge().then(nodeSamples("node.peers.new_same_subnet_ratio", 0.8, 1))
                        .then(values("chain.tip.divergence", 1, 1, 1)),
                () -> peersSurge().then(nodeSamples("node.peers.new_same_subnet_ratio", 0.8, 1))
                        .then(valuesOn("r-2", "chain.tip.divergence", 1, 1, 1)));
        add("pow.attack.consensus-delay",
                () -> timeChange("node.peers", 10, 2, 4).then(nodeSamples("wire.p2p.invalid_messages", 5, 7))
                        .then(values("chain.propagation.delay", 3, 3, 3, 3, 3)),
                () -> timeChange("node.peers", 10, 2, 8).then(nodeSamples("wire.p2p.invalid_messages", 5, 7))
                        .then(values("chain.propagation.delay", 3, 3, 3, 3, 3)));
        add("pow.attack.spam",
                () -> blockChange("chain.block.transactions", 20, 100, 5, 350)
                        .then(nodeSamples("wire.requests.invalid.rate", 8, 7))
                        .then(values("chain.propagation.delay", 3, 3, 3, 3, 3)),
                () -> blockChange("chain.block.transactions", 20, 100, 5, 350)
                        .then(nodeSamples("wire.requests.invalid.rate", 8, 7)));
    }

    /** A hashrate surge that fires and keeps firing (the new hash power stays). */
    static Scenario hashrateSurgeHeld() {
        return hashrateSurge().blocks(2, "chain.hashrate", 160e9);
    }

    private static void posRules() {
        add("pos.supply-jump", () -> blockChange("pos.supply.total", 10, 1_000_000, 10, 1_020_000),
                () -> blockChange("pos.supply.total", 10, 1_000_000, 10, 1_005_000));
        add("pos.circulating-jump", () -> blockChange("pos.supply.circulating", 10, 500_000, 10, 540_000),
                () -> blockChange("pos.supply.circulating", 10, 500_000, 10, 515_000));
        add("pos.inflation-high", () -> values("pos.inflation.rate", 4, 5, 12),
                () -> values("pos.inflation.rate", 4, 9, 10));
        add("pos.validators-drop", () -> blockChange("pos.validators.count", 10, 100, 10, 70),
                () -> blockChange("pos.validators.count", 10, 100, 10, 90));
        add("pos.nakamoto-low", () -> values("pos.validators.nakamoto_coefficient", 7, 5, 3),
                () -> values("pos.validators.nakamoto_coefficient", 7, 5, 4));
        add("pos.stake-top-share", () -> values("pos.stake.top_share", 0.2, 0.3, 0.4),
                () -> values("pos.stake.top_share", 0.2, 0.3, 0.33));
        add("pos.stake-concentration-rise", () -> blockChange("pos.stake.top_share", 50, 0.2, 10, 0.26),
                () -> blockChange("pos.stake.top_share", 50, 0.2, 10, 0.22));
        add("pos.rewards-drop", () -> blockChange("pos.rewards", 10, 2.0, 10, 0.8),
                () -> blockChange("pos.rewards", 10, 2.0, 10, 1.2));
        add("pos.rewards-surge", () -> blockChange("pos.rewards", 10, 2.0, 10, 4.4),
                () -> blockChange("pos.rewards", 10, 2.0, 10, 3.6));
        add("pos.slashing", () -> values("pos.slashings", 0, 0, 1), () -> values("pos.slashings", 0, 0, 0, 0));
        add("pos.slashings-many", () -> values("pos.slashings", 1, 0, 2, 0, 1),
                () -> values("pos.slashings", 1, 0, 2, 0, 0, 0));
        add("pos.block-interval-slow", () -> blockChange("chain.block.interval", 10, 12, 10, 20),
                () -> blockChange("chain.block.interval", 10, 12, 10, 16));
        add("pos.reorg", () -> Scenario.start().blocks(3, "chain.height", 0).reorg(1),
                () -> Scenario.start().blocks(40, "chain.reorg.count", 0));
        add("pos.tip-divergence", () -> values("chain.tip.divergence", 1, 1, 1),
                () -> values("chain.tip.divergence", 1, 1, 0, 1));
        add("pos.head-stale", () -> values("chain.head.age", 10, 90, 120, 150),
                () -> values("chain.head.age", 90, 120, 20, 90, 120));
        add("pos.rpc-latency-high", () -> nodeSamples("node.rpc.latency", 1.5, 12),
                () -> nodeSamples("node.rpc.latency", 0.9, 12));
        add("pos.peer-ping-high", () -> nodeSamples("node.peer.ping", 0.7, 18),
                () -> nodeSamples("node.peer.ping", 0.45, 18));
        add("pos.peers-low", () -> nodeSamples("node.peers", 2, 3), () -> nodeSamples("node.peers", 3, 5));
        add("pos.peers-drop", () -> timeChange("node.peers", 10, 2, 4), () -> timeChange("node.peers", 10, 2, 6));
        add("pos.cpu-high", () -> nodeSamples("node.cpu.percent", 95, 12),
                () -> nodeSamples("node.cpu.percent", 85, 12));
        add("pos.syncing", () -> nodeSamples("node.syncing", 1, 3),
                () -> Scenario.start().samples(2, TEN_SECONDS, "node.syncing", 1)
                        .samples(1, TEN_SECONDS, "node.syncing", 0));
        add("pos.rpc-unavailable", () -> nodeSamples("node.rpc.available", 0, 2),
                () -> nodeSamples("node.rpc.available", 1, 4));
        add("pos.replica-offline", () -> Scenario.start().replica(ReplicaLifecycle.State.STOPPED),
                () -> Scenario.start().replica(ReplicaLifecycle.State.ISOLATED));
        add("pos.node-errors", () -> errors(6, 0), () -> errors(4, 4));
        add("pos.wire-invalid-requests", () -> nodeSamples("wire.requests.invalid.rate", 8, 7),
                () -> nodeSamples("wire.requests.invalid.rate", 4, 12));
        add("pos.wire-request-flood", () -> timeChange("wire.requests.rate", 10, 1, 50),
                () -> timeChange("wire.requests.rate", 10, 1, 35));
        add("pos.wire-critical-call", () -> Scenario.start().wire(true, "critical-method"),
                () -> Scenario.start().wire(false, "invalid-json"));
    }

    private static void posAttacks() {
        add("pos.attack.stake-concentration",
                () -> values("pos.stake.top_share", 0.2, 0.4).then(values("pos.validators.nakamoto_coefficient", 3)),
                () -> values("pos.stake.top_share", 0.2, 0.4).then(values("pos.validators.nakamoto_coefficient", 5)));
        add("pos.attack.slashing-wave",
                () -> blockChange("pos.validators.count", 10, 100, 10, 70).then(values("pos.slashings", 2, 3)),
                () -> blockChange("pos.validators.count", 10, 100, 10, 70).then(values("pos.slashings", 1, 1)));
        add("pos.attack.supply-drift",
                () -> blockChange("pos.supply.total", 10, 1_000_000, 10, 1_020_000)
                        .then(values("pos.inflation.rate", 14)),
                () -> blockChange("pos.supply.total", 10, 1_000_000, 10, 1_020_000)
                        .then(values("pos.inflation.rate", 9)));
        add("pos.attack.ddos",
                () -> nodeSamples("node.rpc.latency", 1.5, 12).then(nodeSamples("node.cpu.percent", 95, 12))
                        .replica(ReplicaLifecycle.State.FAILED),
                () -> nodeSamples("node.rpc.latency", 1.5, 12).replica(ReplicaLifecycle.State.FAILED));
    }
}
