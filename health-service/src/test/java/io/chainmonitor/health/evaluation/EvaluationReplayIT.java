package io.chainmonitor.health.evaluation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;

import static io.chainmonitor.health.evaluation.EvaluationFixtures.PACKS;
import static io.chainmonitor.health.evaluation.EvaluationFixtures.metric;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between two checkpoints, on the real database: the instance dies after it published a finding but before
 * its next checkpoint. The next owner resumes from the checkpoint, evaluates the records since then again, rebuilds
 * the same state and does not publish the finding a second time.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class EvaluationReplayIT {

    private static final TopicPartition PROJECTS = new TopicPartition("cm.projects.v1", 0);
    private static final TopicPartition METRICS = new TopicPartition("cm.chain.metrics.v1", 0);

    private static EvaluationStore store;

    @BeforeAll
    static void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                EmbeddedInfrastructure.jdbcUrl("health_evaluation_replay") + "?currentSchema=health",
                EmbeddedInfrastructure.postgres().username(), EmbeddedInfrastructure.postgres().password());
        Flyway.configure().dataSource(dataSource).schemas("health").defaultSchema("health")
                .locations("classpath:db/migration/health").load().migrate();
        store = new EvaluationStore(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Test
    void findingsPublishedBeforeACrashAreNotSentAgainWhenTheRecordsSinceTheCheckpointAreReplayed() {
        List<ConsumerRecord<String, Envelope<?>>> log = new ArrayList<>();
        log.add(record(PROJECTS, 0, projectCreated()));
        log.add(record(METRICS, 0, metric("r-2", 1, "chain.propagation.delay", 3)));
        log.add(record(METRICS, 1, metric("r-2", 2, "chain.propagation.delay", 3)));
        // The checkpoint after three records falls here.
        log.add(record(METRICS, 2, metric("r-1", 3, "chain.miner.consecutive", 7)));
        log.add(record(METRICS, 3, metric("r-2", 3, "chain.propagation.delay", 3)));

        RecordingSender firstSender = new RecordingSender();
        Evaluations first = evaluations(firstSender, new SimpleMeterRegistry());
        MockConsumer<String, Envelope<?>> firstConsumer = consumer();
        first.assigned(firstConsumer, List.of(PROJECTS, METRICS));
        log.forEach(record -> first.process(record, firstConsumer));
        assertThat(firstSender.sent).extracting(f -> f.data().ruleId()).containsExactly("pow.miner-streak");
        // The crash: no checkpoint, no revocation. The first instance is simply gone.

        RecordingSender secondSender = new RecordingSender();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Evaluations second = evaluations(secondSender, meters);
        MockConsumer<String, Envelope<?>> secondConsumer = consumer();
        second.assigned(secondConsumer, List.of(PROJECTS, METRICS));
        assertThat(secondConsumer.position(METRICS)).isEqualTo(2);
        assertThat(secondConsumer.position(PROJECTS)).isEqualTo(1);

        log.subList(3, 5).forEach(record -> second.process(record, secondConsumer));
        assertThat(secondSender.sent).isEmpty();
        assertThat(meters.counter("cm.health.evaluation.replayed.findings").count()).isEqualTo(1);

        second.process(record(METRICS, 4, metric("r-2", 4, "chain.propagation.delay", 3)), secondConsumer);
        second.process(record(METRICS, 5, metric("r-1", 5, "chain.miner.consecutive", 9)), secondConsumer);
        second.process(record(METRICS, 6, metric("r-2", 5, "chain.propagation.delay", 3)), secondConsumer);

        assertThat(secondSender.sent).extracting(f -> f.data().ruleId(), f -> f.data().status())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pow.block-propagation-slow",
                        Finding.Status.FIRING));
    }

    private static Evaluations evaluations(FindingSender sender, SimpleMeterRegistry meters) {
        HealthProperties.Evaluation settings = new HealthProperties.Evaluation(true, "replay-it", 3,
                Duration.ofHours(1), 64, Duration.ofSeconds(5));
        return new Evaluations(store, new ProjectStateCodec(new EventCodec(), PACKS, 64), PACKS, sender,
                new EvaluationMetrics(meters), settings);
    }

    private static MockConsumer<String, Envelope<?>> consumer() {
        MockConsumer<String, Envelope<?>> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(PROJECTS, METRICS));
        consumer.updateBeginningOffsets(Map.of(PROJECTS, 0L, METRICS, 0L));
        return consumer;
    }

    private static Envelope<?> projectCreated() {
        return EvaluationITSupport.projectCreated(EvaluationFixtures.PROJECT);
    }

    private static ConsumerRecord<String, Envelope<?>> record(TopicPartition partition, long offset,
            Envelope<?> event) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, event.projectid(), event);
    }

    /** Stands in for the broker: remembers what would have been published. */
    private static final class RecordingSender extends FindingSender {

        final List<Envelope<Finding>> sent = new ArrayList<>();

        RecordingSender() {
            super(null, Duration.ZERO);
        }

        @Override
        void send(List<Envelope<Finding>> findings) {
            sent.addAll(findings);
        }
    }
}
