package io.chainmonitor.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.chainmonitor.chainwatcher.ChainWatcherApplication;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.health.HealthApplication;
import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.kafka.test.TopicReader;
import io.chainmonitor.support.security.NodeRpcCredentials;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 51% attack on a Litecoin regtest project of two real litecoind replicas, watched by the real chain watcher and
 * judged by the real health service: a large transaction (the deposit to an exchange) is mined on the public branch
 * while the attacker, cut off, mines a longer private branch with its own hash power; on reconnection the honest
 * replica reorganises three blocks. The default PoW pack's signature combines the deep reorg, the large transaction
 * and one miner's dominance into one extreme {@code 51-percent} finding.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class FiftyOnePercentAttackIT {

    private static final String NODE_RPC_SECRET = "e2e-51-percent-node-rpc-secret-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void aPartitionWithPrivateMiningAndALargeTransactionIsReportedAsAFiftyOnePercentAttack() throws Exception {
        String project = "e2e-51-" + UUID.randomUUID();
        NodeRpcCredentials credentials = new NodeRpcCredentials(NODE_RPC_SECRET);
        var honestLogin = credentials.forReplica(project, "r-1");
        var attackerLogin = credentials.forReplica(project, "r-2");
        Path data = BuildDirectory.newTempDirectory("e2e-51-");
        try (RegtestLitecoind honest = RegtestLitecoind.start(data.resolve("honest"), honestLogin.user(),
                honestLogin.password(), List.of());
                RegtestLitecoind attacker = RegtestLitecoind.start(data.resolve("attacker"), attackerLogin.user(),
                        attackerLogin.password(), List.of(honest.p2pAddress()));
                ConfigurableApplicationContext health = start(HealthApplication.builder(), "e2e_health",
                        Map.of("chain-monitor.health.evaluation.group-id", "e2e-health-" + project));
                ConfigurableApplicationContext watcher = start(ChainWatcherApplication.builder(), "e2e_watcher",
                        Map.of("chain-monitor.security.node-rpc-secret", NODE_RPC_SECRET,
                                "chain-monitor.chain-watcher.poll-interval", "200ms",
                                "chain-monitor.chain-watcher.status-interval", "1s",
                                "chain-monitor.chain-watcher.large-transaction-thresholds.litecoin", "10"))) {
            await().atMost(WAIT).until(() -> honest.call("getconnectioncount").asInt() >= 1);
            honest.call("createwallet", "exchange");
            String wallet = honest.call("getnewaddress").asString();
            // 101 blocks: the first coinbase matures and can pay the deposit.
            honest.call("generatetoaddress", 101, wallet);
            await().atMost(WAIT).until(() -> attacker.call("getblockcount").asInt() == 101);

            EventPublisher publisher = health.getBean(EventPublisher.class);
            publisher.publish(Envelope.of("/spawner-service/projects", "projects/" + project, project,
                    Severity.LOW, new ProjectLifecycle(project, ProjectLifecycle.Change.CREATED, "ltc-51", "litecoin",
                            "bitcoin", "pow", null, 2, List.of("local"), 1)))
                    .join();
            awaitKnownToHealth(publisher, project);
            announce(publisher, project, "r-1", honest.rpcUrl());
            announce(publisher, project, "r-2", attacker.rpcUrl());
            await().atMost(WAIT).until(() -> blocks(project, "r-1").size() >= 102
                    && blocks(project, "r-2").size() >= 102);

            honest.call("setnetworkactive", false);
            attacker.call("setnetworkactive", false);
            await().atMost(WAIT).until(() -> honest.call("getconnectioncount").asInt() == 0
                    && attacker.call("getconnectioncount").asInt() == 0);
            String deposit = honest.call("sendtoaddress", honest.call("getnewaddress").asString(), 25).asString();
            List<String> publicBranch = strings(honest.call("generatetoaddress", 3, wallet));
            await().atMost(WAIT).until(() -> blocks(project, "r-1").stream()
                    .anyMatch(b -> b.hash().equals(publicBranch.get(2))));
            String attackerPayout = attacker.call("decodescript", "51").get("p2sh").asString();
            List<String> privateBranch = strings(attacker.call("generatetoaddress", 5, attackerPayout));

            honest.call("setnetworkactive", true);
            attacker.call("setnetworkactive", true);
            honest.call("addnode", attacker.p2pAddress(), "onetry");
            await().atMost(WAIT).until(() -> honest.call("getbestblockhash").asString().equals(privateBranch.get(4)));

            Envelope<Finding> attack = await().atMost(WAIT).until(() -> findings(project).stream()
                    .filter(f -> f.data().ruleId().equals("pow.attack.51-percent")).findFirst().orElse(null),
                    java.util.Objects::nonNull);
            assertThat(attack.severity()).isEqualTo(Severity.EXTREME);
            assertThat(attack.data().attack()).isEqualTo("51-percent");
            assertThat(attack.data().status()).isEqualTo(Finding.Status.FIRING);
            assertThat(attack.data().recommendedActions()).contains("inform-exchanges");
            assertThat(String.join("\n", attack.data().evidence().signals()))
                    .contains("pow.deep-reorg", "pow.large-transaction", "pow.miner-dominance");
            assertThat(findings(project)).anySatisfy(f -> {
                assertThat(f.data().ruleId()).isEqualTo("pow.deep-reorg");
                assertThat(f.data().evidence().value()).isEqualTo(3.0);
            });
            assertThat(deposit).isNotBlank();
        }
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder builder, String database,
            Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", EmbeddedInfrastructure.bootstrapServers());
        properties.put("spring.datasource.url", EmbeddedInfrastructure.jdbcUrl(database));
        properties.put("spring.datasource.username", EmbeddedInfrastructure.postgres().username());
        properties.put("spring.datasource.password", EmbeddedInfrastructure.postgres().password());
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("chain-monitor.security.jwt.hmac-secret", JwtTestTokens.DEFAULT_HMAC_SECRET);
        properties.put("chain-monitor.heartbeat.enabled", "false");
        properties.putAll(extra);
        return builder.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    /**
     * The lifecycle and the metrics travel on different topics: a probe batch that fires the streak rule is sent
     * until it fires, so that the health service knows the project before the watcher's first block arrives.
     */
    private static void awaitKnownToHealth(EventPublisher publisher, String project) {
        long[] height = {0};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            MetricBatch probe = new MetricBatch("probe", "litecoin", ++height[0], null, java.time.Instant.now(),
                    "e2e", List.of(new MetricBatch.Sample("chain.miner.consecutive", 50, null, Map.of())));
            publisher.publish(Envelope.of("/e2e/probe", "projects/" + project + "/replicas/probe", project,
                    Severity.LOW, probe)).join();
            return findings(project).stream().anyMatch(f -> "probe".equals(f.data().replicaId()));
        });
    }

    private static void announce(EventPublisher publisher, String project, String replicaId, String rpcUrl) {
        ReplicaLifecycle running = new ReplicaLifecycle(project, replicaId, ReplicaLifecycle.State.RUNNING,
                "litecoin", "local", "process", new ReplicaLifecycle.Endpoints(rpcUrl, null, null, null, null, null),
                null, null, 0);
        publisher.publish(Envelope.of("/spawner-service/supervision", "projects/" + project + "/replicas/"
                + replicaId, project, Severity.LOW, running)).join();
    }

    private static List<ChainBlock> blocks(String project, String replicaId) {
        return TopicReader.eventsOf("cm.chain.blocks.v1", project).stream().map(Envelope::data)
                .map(ChainBlock.class::cast).filter(b -> b.replicaId().equals(replicaId)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Envelope<Finding>> findings(String project) {
        return TopicReader.eventsOf("cm.findings.v1", project).stream().map(e -> (Envelope<Finding>) e).toList();
    }

    private static List<String> strings(tools.jackson.databind.JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.asString()).toList();
    }

}
