package io.chainmonitor.chainwatcher.it;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.chainmonitor.chainwatcher.it.FlakyNodeFront.Mode;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that answers garbage and then hangs, behind a local HTTP receiver in front of a real anvil: each spell fires
 * one blindness finding, resolved when the node answers again, and the blocks mined meanwhile are backfilled.
 */
class BlindNodeIT extends WatcherITSupport {

    @Test
    void garbageAndHangingAreReportedOnceResolvedAndTheGapIsBackfilled() throws Exception {
        String projectId = newProjectId("blind");
        try (TestNode anvil = TestNode.anvil(newDirectory("anvil-blind-"));
                FlakyNodeFront front = new FlakyNodeFront(anvil.rpcUrl())) {
            anvil.call("anvil_mine", 2);
            announce(projectId, "r-1", "anvil", front.url(), null);
            awaitEvents(Topic.CHAIN_BLOCKS, projectId, events -> blocks(events, "r-1").size() == 3);

            front.mode(Mode.GARBAGE);
            anvil.call("anvil_mine", 3);
            awaitEvents(Topic.FINDINGS, projectId, events -> firing(events, "watcher.node-malformed") == 1);
            awaitEvents(Topic.CHAIN_METRICS, projectId, BlindNodeIT::reportedUnavailable);
            front.mode(Mode.PASS);
            awaitEvents(Topic.CHAIN_BLOCKS, projectId, events -> blocks(events, "r-1").size() == 6);

            front.mode(Mode.HANG);
            anvil.call("anvil_mine", 2);
            awaitEvents(Topic.FINDINGS, projectId, events -> firing(events, "watcher.node-unreachable") == 1);
            front.mode(Mode.PASS);

            List<Envelope<?>> blocks = awaitEvents(Topic.CHAIN_BLOCKS, projectId,
                    events -> blocks(events, "r-1").size() == 8);
            List<Envelope<?>> findings = awaitEvents(Topic.FINDINGS, projectId, events -> findings(events).stream()
                    .filter(f -> f.status() == Finding.Status.RESOLVED).count() == 2);

            assertThat(blocks(blocks, "r-1")).extracting(ChainBlock::height)
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, 7).boxed().toList());
            Map<String, List<Finding>> byRule = findings(findings).stream()
                    .collect(Collectors.groupingBy(Finding::ruleId));
            assertThat(byRule.keySet()).containsExactlyInAnyOrder("watcher.node-malformed",
                    "watcher.node-unreachable");
            byRule.forEach((rule, list) -> {
                assertThat(list).extracting(Finding::status).containsExactly(Finding.Status.FIRING,
                        Finding.Status.RESOLVED);
                assertThat(list).extracting(Finding::fingerprint).containsOnly(list.getFirst().fingerprint());
                assertThat(list.getFirst().replicaId()).isEqualTo("r-1");
            });
            assertThat(byRule.get("watcher.node-malformed").getFirst().chain().height()).isEqualTo(2L);
            assertThat(front.received(Mode.GARBAGE)).isPositive();
            assertThat(front.received(Mode.HANG)).isPositive();
        }
    }

    private static long firing(List<Envelope<?>> events, String ruleId) {
        return findings(events).stream()
                .filter(f -> f.ruleId().equals(ruleId) && f.status() == Finding.Status.FIRING).count();
    }

    private static List<Finding> findings(List<Envelope<?>> events) {
        return events.stream().map(Envelope::data).filter(Finding.class::isInstance).map(Finding.class::cast)
                .toList();
    }

    private static boolean reportedUnavailable(List<Envelope<?>> events) {
        return events.stream().map(Envelope::data).filter(MetricBatch.class::isInstance).map(MetricBatch.class::cast)
                .flatMap(batch -> batch.samples().stream())
                .anyMatch(sample -> sample.metric().equals("node.rpc.available") && sample.value() == 0);
    }

}
