package io.chainmonitor.benchmarks.evaluator;

import java.util.SortedSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EquivalenceTest {

    @Test
    void theSameCorpusIsTheSameAndAnotherSeedIsAnother() {
        MetricCorpus one = MetricCorpus.generate(2, 3, 60, 7);
        MetricCorpus again = MetricCorpus.generate(2, 3, 60, 7);
        MetricCorpus other = MetricCorpus.generate(2, 3, 60, 8);
        assertThat(one.events()).hasSize(2 * 3 * 60).isEqualTo(again.events()).isNotEqualTo(other.events());
    }

    @Test
    void esperAndTheEvaluatorFindTheSameFiringsAndResolutionsOnASmallCorpus() {
        MetricCorpus corpus = MetricCorpus.generate(4, 3, 150, 11);
        SortedSet<FindingKey> ours = ChainMonitorEvaluator.findings(corpus, ComparableRules::subset);
        SortedSet<FindingKey> esper = EsperEvaluator.findings(corpus, "equivalence-test");
        assertThat(ours).as("the corpus makes rules fire and resolve").hasSizeGreaterThan(10)
                .anyMatch(FindingKey::firing).anyMatch(key -> !key.firing());
        assertThat(esper).containsExactlyElementsOf(ours);
    }

    @Test
    void theDefaultPacksMakeMoreFindingsThanTheComparableSubset() {
        MetricCorpus corpus = MetricCorpus.generate(4, 3, 150, 11);
        SortedSet<FindingKey> all = ChainMonitorEvaluator.findings(corpus,
                io.chainmonitor.rules.pack.DefaultPacks::named);
        SortedSet<FindingKey> subset = ChainMonitorEvaluator.findings(corpus, ComparableRules::subset);
        assertThat(all).containsAll(subset).hasSizeGreaterThan(subset.size());
    }
}
