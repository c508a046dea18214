package io.chainmonitor.spawner.supervision;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.events.project.ReplicaLifecycle.State;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProbe;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.support.embedded.test.TestBinaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Three real litecoind regtest replicas on loopback, peered, mining, one killed and brought back by the supervisor. */
class LitecoinReplicasIT extends SpawnerRuntimeITSupport {

    private static final String USER = "chain-monitor";
    private static final String PASSWORD = "regtest-only-secret";
    // A valid regtest address; mining to it needs no wallet.
    private static final String PAYOUT = "rltc1qfr4j35k4w023f4xjkkryryxs8wfqtjy7z62rdp";

    private final JsonRpcTestClient rpc = new JsonRpcTestClient(USER, PASSWORD);

    @Test
    void threePeeredReplicasFollowOneChainAndAKilledOneIsRestartedAndCatchesUp() {
        String project = newProjectId("ltc");
        Path litecoind = TestBinaries.required("chain-monitor.test.litecoind");
        List<RunningReplica> replicas = new ArrayList<>();
        try {
            replicas.add(start(project, "r-1", litecoind, List.of()));
            String first = replicas.getFirst().p2pAddress();
            replicas.add(start(project, "r-2", litecoind, List.of("-addnode=" + first)));
            replicas.add(start(project, "r-3", litecoind,
                    List.of("-addnode=" + first, "-addnode=" + replicas.get(1).p2pAddress())));
            await().atMost(WAIT).until(() -> replicas.stream()
                    .allMatch(replica -> rpc.call(replica.rpcUrl(), "getconnectioncount").asInt() >= 1));

            rpc.call(replicas.getFirst().rpcUrl(), "generatetoaddress", 5, PAYOUT);
            awaitSameTip(replicas, 5);

            RunningReplica victim = replicas.get(2);
            runtimes.forLocation("local").kill(victim.key());
            await().atMost(WAIT).until(() -> supervisor.status(victim.key())
                    .filter(now -> now.pid() != null && !now.pid().equals(victim.pid())
                            && now.state() == io.chainmonitor.spawner.runtime.ReplicaState.RUNNING)
                    .isPresent());
            RunningReplica restarted = supervisor.status(victim.key()).orElseThrow();
            assertThat(restarted.ports()).isEqualTo(victim.ports());
            rpc.call(replicas.getFirst().rpcUrl(), "generatetoaddress", 3, PAYOUT);
            awaitSameTip(replicas, 8);

            List<Envelope<?>> events = awaitEvents(Topic.PROJECTS, project, WAIT,
                    seen -> statesOf(seen, "r-3").size() >= 4);
            assertThat(statesOf(events, "r-3")).startsWith(State.STARTING, State.RUNNING, State.RESTARTING,
                    State.RUNNING);
            ReplicaLifecycle running = lifecycles(events, "r-3").get(1);
            assertThat(running.endpoints().rpcUrl()).isEqualTo(victim.rpcUrl());
            assertThat(running.endpoints().p2pAddress()).isEqualTo(victim.p2pAddress());
            assertThat(running.runtime()).isEqualTo("process");
            ReplicaLifecycle restarting = lifecycles(events, "r-3").get(2);
            assertThat(restarting.exitCode()).isEqualTo(137);
            assertThat(restarting.restarts()).isEqualTo(1);
        } finally {
            replicas.forEach(replica -> supervisor.stop(replica.key()));
        }
        replicas.forEach(replica -> assertThat(ProcessHandle.of(replica.pid()).filter(ProcessHandle::isAlive))
                .as("process of %s", replica.key()).isEmpty());
        assertThat(runtimes.forLocation("local").replicas()).noneMatch(replica -> replica.key().projectId()
                .equals(project));
    }

    private RunningReplica start(String project, String replica, Path litecoind, List<String> peers) {
        List<String> arguments = new ArrayList<>(List.of("-regtest", "-server", "-printtoconsole", "-datadir={dataDir}",
                "-rpcport={rpcPort}", "-bind=127.0.0.1:{p2pPort}", "-rpcbind=127.0.0.1", "-rpcallowip=127.0.0.1",
                "-rpcuser=" + USER, "-rpcpassword=" + PASSWORD, "-dnsseed=0", "-discover=0", "-listenonion=0",
                "-disablewallet"));
        arguments.addAll(peers);
        ReplicaKey key = new ReplicaKey(project, replica);
        supervisor.supervise(new ReplicaSpec(key, "litecoin-regtest", "local", litecoind, arguments, Map.of(), null,
                Set.of(PortRole.RPC, PortRole.P2P), new ReadinessProbe("getblockcount", "[]", Duration.ofSeconds(60),
                        new ReadinessProbe.BasicAuth(USER, PASSWORD))));
        await().atMost(WAIT).until(() -> supervisor.status(key)
                .filter(status -> status.state() == io.chainmonitor.spawner.runtime.ReplicaState.RUNNING)
                .isPresent());
        return supervisor.status(key).orElseThrow();
    }

    private void awaitSameTip(List<RunningReplica> replicas, int height) {
        await().atMost(WAIT).until(() -> replicas.stream()
                .allMatch(replica -> rpc.call(replica.rpcUrl(), "getblockcount").asInt() == height));
        String best = rpc.call(replicas.getFirst().rpcUrl(), "getbestblockhash").asString();
        replicas.forEach(replica -> assertThat(rpc.call(replica.rpcUrl(), "getbestblockhash").asString())
                .as("tip of %s", replica.key()).isEqualTo(best));
    }

    private static List<ReplicaLifecycle> lifecycles(List<Envelope<?>> events, String replica) {
        return events.stream().map(Envelope::data).filter(ReplicaLifecycle.class::isInstance)
                .map(ReplicaLifecycle.class::cast).filter(event -> event.replicaId().equals(replica)).toList();
    }

    private static List<State> statesOf(List<Envelope<?>> events, String replica) {
        return lifecycles(events, replica).stream().map(ReplicaLifecycle::state).toList();
    }
}
