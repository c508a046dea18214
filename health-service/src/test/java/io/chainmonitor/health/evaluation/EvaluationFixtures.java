package io.chainmonitor.health.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.pack.DefaultPacks;
import io.chainmonitor.rules.yaml.RuleSetReader;
import io.chainmonitor.rules.yaml.RuleSetWriter;

/** Events and rule sets for the evaluation's plain tests. */
final class EvaluationFixtures {

    static final String PROJECT = "7d0c5e2a-9b14-4c3f-8e61-0a2f9d4b7c15";
    static final RulePacks PACKS = new RulePacks(ChainCatalog.builtIn());
    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    private EvaluationFixtures() {
    }

    static ProjectState freshState(int dedupeWindow) {
        return ProjectState.fresh(PROJECT, "litecoin", "pow", PACKS.defaultPack("pow"), dedupeWindow);
    }

    static Envelope<MetricBatch> metric(String replicaId, long height, String metric, double value) {
        MetricBatch batch = new MetricBatch(replicaId, "litecoin", height, "hash-" + height, T0.plusSeconds(height),
                "chain-watcher", List.of(new MetricBatch.Sample(metric, value, null, Map.of())));
        return Envelope.of("/chain-watcher-service/metrics", "projects/" + PROJECT + "/replicas/" + replicaId,
                PROJECT, Severity.LOW, batch);
    }

    /** The PoW pack as published on the rules topic, with one rule changed. */
    static ActiveRules powWith(long version, String ruleId, Consumer<ObjectNode> change) {
        ObjectNode pack = RuleSetWriter.toTree(DefaultPacks.named("pow"));
        for (JsonNode rule : pack.get("rules")) {
            if (rule.get("id").asString().equals(ruleId)) {
                change.accept((ObjectNode) rule);
            }
        }
        return new ActiveRules(version, RuleSetReader.read("test", pack), pack);
    }
}
