package io.chainmonitor.health.evaluation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;

import static io.chainmonitor.health.evaluation.EvaluationITSupport.awaitFindings;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.findings;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.metric;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health service is stopped in the middle of a window and a new one starts on the same database and broker: the
 * finding that fired before is not sent again, and the window goes on where it stopped.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class EvaluationRestartIT {

    private static final String DATABASE = "health_evaluation_restart";
    // Only the checkpoint at shutdown saves the state: the replay path must not be what makes the test pass.
    private static final Map<String, String> RARE_CHECKPOINTS = Map.of(
            "chain-monitor.health.evaluation.checkpoint-every", "100000",
            "chain-monitor.health.evaluation.checkpoint-interval", "1h");

    @Test
    void aRestartInTheMiddleOfAWindowNeitherAlertsAgainNorLosesTheWindow() {
        String project = EvaluationITSupport.newProjectId("restart");
        try (ConfigurableApplicationContext first = EvaluationITSupport.start(DATABASE, "health-restart-it",
                RARE_CHECKPOINTS)) {
            EvaluationITSupport.createProject(first, project);
            publish(first, metric(project, "r-1", 1, "chain.miner.consecutive", 7));
            for (long height = 1; height <= 3; height++) {
                publish(first, metric(project, "r-2", height, "chain.propagation.delay", 3));
            }
            // Sent last, seen last: once it fired, the three samples of the window were evaluated.
            publish(first, metric(project, "r-3", 3, "chain.miner.share", 0.8));
            awaitFindings(project, "pow.miner-dominance", "r-3", f -> !f.isEmpty());
            assertThat(findings(project, "pow.miner-streak", "r-1")).hasSize(1);
        }
        JdbcClient database = database();
        assertThat(database.sql("SELECT count(*) FROM health.evaluation_project WHERE project_id = :id")
                .param("id", project).query(Long.class).single()).isEqualTo(1);
        assertThat(database.sql("SELECT count(*) FROM health.evaluation_offset WHERE topic = 'cm.chain.metrics.v1'")
                .query(Long.class).single()).isPositive();

        try (ConfigurableApplicationContext second = EvaluationITSupport.start(DATABASE, "health-restart-it",
                RARE_CHECKPOINTS)) {
            // Still firing: a fresh evaluator would fire again on this one.
            publish(second, metric(project, "r-1", 4, "chain.miner.consecutive", 8));
            publish(second, metric(project, "r-2", 4, "chain.propagation.delay", 3));
            publish(second, metric(project, "r-2", 5, "chain.propagation.delay", 3));

            Envelope<Finding> slow = awaitFindings(project, "pow.block-propagation-slow", "r-2", f -> !f.isEmpty())
                    .getFirst();
            assertThat(slow.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(slow.data().chain().height()).isEqualTo(5L);
            assertThat(slow.data().evidence().window()).isEqualTo("5 blocks");

            List<Envelope<Finding>> streak = findings(project, "pow.miner-streak", "r-1");
            assertThat(streak).extracting(f -> f.data().status()).containsExactly(Finding.Status.FIRING);
            assertThat(findings(project)).extracting(f -> f.data().ruleId()).containsExactly("pow.miner-streak",
                    "pow.miner-dominance", "pow.block-propagation-slow");
        }
    }

    private static JdbcClient database() {
        return JdbcClient.create(new DriverManagerDataSource(EmbeddedInfrastructure.jdbcUrl(DATABASE),
                EmbeddedInfrastructure.postgres().username(), EmbeddedInfrastructure.postgres().password()));
    }
}
