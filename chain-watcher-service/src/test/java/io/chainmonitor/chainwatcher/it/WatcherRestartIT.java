package io.chainmonitor.chainwatcher.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

import io.chainmonitor.chainwatcher.ChainWatcherApplication;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher is killed while it backfills a real anvil and started again on the same database: downstream, deduped
 * by block hash, every height appears exactly once, and at most the one block in flight at the kill is sent twice.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class WatcherRestartIT {

    // A chain type only these watchers know, so that a watcher of another IT sharing the broker never follows it.
    private static final String CHAIN_TYPE = "anvil-restart-it";

    @Test
    void aWatcherKilledMidStreamResumesWithoutSkippingOrRepeatingBlocks() throws Exception {
        String projectId = WatcherITSupport.newProjectId("restart");
        Path catalog = WatcherITSupport.newDirectory("catalog-");
        String anvilType = new String(ChainCatalog.class.getClassLoader().getResourceAsStream("chains/anvil.yaml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(catalog.resolve(CHAIN_TYPE + ".yaml"),
                anvilType.replaceFirst("(?m)^id: anvil$", "id: " + CHAIN_TYPE));
        try (TestNode anvil = TestNode.anvil(WatcherITSupport.newDirectory("anvil-restart-"))) {
            anvil.call("anvil_mine", 400);

            try (ConfigurableApplicationContext first = watcher(catalog)) {
                WatcherITSupport.announce(first.getBean(EventPublisher.class), projectId, "r-1", CHAIN_TYPE,
                        ReplicaLifecycle.State.RUNNING, anvil.rpcUrl(), null);
                WatcherITSupport.awaitEvents(Topic.CHAIN_BLOCKS, projectId,
                        events -> WatcherITSupport.blocks(events, "r-1").size() >= 60);
            }
            long atKill = WatcherITSupport.blocks(WatcherITSupport.awaitEvents(Topic.CHAIN_BLOCKS, projectId,
                    events -> true), "r-1").size();
            anvil.call("anvil_mine", 20);

            try (ConfigurableApplicationContext second = watcher(catalog)) {
                String top = anvil.call("eth_getBlockByNumber", "0x" + Long.toHexString(420), false).get("hash")
                        .asString();
                List<ChainBlock> published = WatcherITSupport.blocks(WatcherITSupport.awaitEvents(
                        Topic.CHAIN_BLOCKS, projectId,
                        events -> WatcherITSupport.blocks(events, "r-1").stream()
                                .anyMatch(block -> block.hash().equals(top))),
                        "r-1");

                assertThat(atKill).isLessThan(421);
                Map<Long, Set<String>> hashesByHeight = published.stream().collect(Collectors.groupingBy(
                        ChainBlock::height, Collectors.mapping(ChainBlock::hash, Collectors.toSet())));
                assertThat(hashesByHeight.keySet()).hasSize(421).allSatisfy(height -> assertThat(height)
                        .isBetween(0L, 420L));
                assertThat(hashesByHeight.values()).allSatisfy(hashes -> assertThat(hashes).hasSize(1));
                for (long height = 0; height <= 420; height++) {
                    String expected = anvil.call("eth_getBlockByNumber", "0x" + Long.toHexString(height), false)
                            .get("hash").asString();
                    assertThat(hashesByHeight.get(height)).containsExactly(expected);
                }
                assertThat(published.size() - 421).as("blocks sent twice").isLessThanOrEqualTo(1);
            }
        }
    }

    private static ConfigurableApplicationContext watcher(Path catalog) {
        Map<String, Object> properties = new HashMap<>(WatcherITSupport.fastSettings());
        properties.put("spring.kafka.bootstrap-servers", EmbeddedInfrastructure.bootstrapServers());
        properties.put("spring.datasource.url", EmbeddedInfrastructure.jdbcUrl("watcher_restart"));
        properties.put("spring.datasource.username", EmbeddedInfrastructure.postgres().username());
        properties.put("spring.datasource.password", EmbeddedInfrastructure.postgres().password());
        properties.put("spring.kafka.consumer.group-id", "chain-watcher-restart-it");
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("chain-monitor.security.jwt.hmac-secret", JwtTestTokens.DEFAULT_HMAC_SECRET);
        properties.put("chain-monitor.heartbeat.enabled", "false");
        // Small batches, so that the kill falls in the middle of the backfill.
        properties.put("chain-monitor.chain-watcher.batch-size", "5");
        properties.put("chain-monitor.chain-watcher.chain-type-files", catalog.toString());
        // As arguments: they must win over the service's own configuration file, which default properties do not.
        return ChainWatcherApplication.builder()
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }
}
