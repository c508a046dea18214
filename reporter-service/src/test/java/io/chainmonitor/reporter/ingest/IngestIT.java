package io.chainmonitor.reporter.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.fixtures.Fixtures;
import io.chainmonitor.reporter.ReporterIT;
import io.chainmonitor.reporter.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IngestIT extends ReporterIT {

    private static final Finding FIXTURE = Fixtures.payload(EventType.FINDING, Finding.class);
    private static final Instant STARTS = FIXTURE.startsAt();

    private final String alice = "alice-" + UUID.randomUUID();
    private final String token = user(alice);

    @Test
    void eventsOfEveryTopicBecomeRowsAndOneIncidentWithWhatWasDone() {
        String project = project(alice);
        for (EventType type : List.of(EventType.FINDING, EventType.WIRE_INCIDENT, EventType.HEALTH_REPORT,
                EventType.ALERT_NOTIFICATION, EventType.ACTION_EXECUTION, EventType.AUDIT_ENTRY,
                EventType.METRIC_BATCH)) {
            send(fixture(type, project));
        }

        for (String listing : List.of("findings", "wire-incidents", "health-reports", "notifications", "actions",
                "audit")) {
            List<JsonNode> items = awaitItems("/api/v1/" + listing + "?project=" + project, token, 1);
            assertThat(items.getFirst().get("projectId").asString()).isEqualTo(project);
            assertThat(items.getFirst().get("event").get("projectid").asString()).isEqualTo(project);
        }
        JsonNode finding = awaitItems("/api/v1/findings?project=" + project, token, 1).getFirst();
        assertThat(finding.get("severity").asString()).isEqualTo("extreme");
        assertThat(finding.get("rule").asString()).isEqualTo("pow.51-percent");
        assertThat(finding.get("event").get("data").get("summary").asString()).isEqualTo(FIXTURE.summary());

        JsonNode incident = awaitItems("/api/v1/incidents?project=" + project, token, 1).getFirst();
        assertThat(incident.get("what").asString()).isEqualTo(FIXTURE.title());
        assertThat(incident.get("status").asString()).isEqualTo("firing");
        assertThat(incident.get("severityLabel").asString()).isEqualTo("Extreme");
        assertThat(Instant.parse(incident.get("since").asString())).isEqualTo(STARTS);
        assertThat(incident.get("where").get("replicaId").asString()).isEqualTo("r-2");
        assertThat(incident.get("where").get("height").asLong()).isEqualTo(1212);
        assertThat(incident.get("evidence").get("metric").asString()).isEqualTo("chain.reorg.depth");
        JsonNode done = await().until(() -> json(get("/api/v1/incidents?project=" + project, token)).get("items")
                .get(0).get("done"), d -> d.get("notifications").size() == 1 && d.get("actions").size() == 1);
        assertThat(done.get("notifications").get(0).get("outcome").asString()).isEqualTo("failed");
        assertThat(done.get("actions").get(0).get("actionType").asString()).isEqualTo("isolate-replica");

        await().until(() -> jdbc.sql("SELECT count(*) FROM metric_sample WHERE project_id = :p").param("p", project)
                .query(Long.class).single() > 0);
        assertThat(jdbc.sql("SELECT count(*) FROM metric_rollup WHERE project_id = :p").param("p", project)
                .query(Long.class).single()).isPositive();
    }

    @Test
    void duplicatesAndResolvedBeforeFiringEndInTheSameIncident() {
        String inOrder = project(alice);
        String reversed = project(alice);
        Envelope<Finding> firing = findingEvent(inOrder, Severity.HIGH, Finding.Status.FIRING, STARTS.plusSeconds(2));
        Envelope<Finding> resolved = findingEvent(inOrder, Severity.HIGH, Finding.Status.RESOLVED,
                STARTS.plusSeconds(90));

        send(firing);
        send(firing);
        send(resolved);
        send(resolved);
        Envelope<Finding> resolvedCopy = copyFor(resolved, reversed);
        send(resolvedCopy);
        send(copyFor(firing, reversed));
        send(resolvedCopy);

        Map<String, Object> first = awaitIncident(inOrder, 2);
        Map<String, Object> second = awaitIncident(reversed, 2);
        assertThat(second).isEqualTo(first);
        assertThat(first).containsEntry("status", "resolved").containsEntry("event_count", 2);
        assertThat(jdbc.sql("SELECT count(*) FROM event WHERE project_id IN (:a, :b)").param("a", inOrder)
                .param("b", reversed).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aFindingThatFiresAgainAfterItResolvedOpensANewIncident() {
        String project = project(alice);
        send(findingEvent(project, Severity.MEDIUM, Finding.Status.FIRING, STARTS.plusSeconds(1)));
        send(findingEvent(project, Severity.MEDIUM, Finding.Status.RESOLVED, STARTS.plusSeconds(60)));
        Instant again = STARTS.plusSeconds(600);
        send(event(project, Severity.MEDIUM, again.plusSeconds(1), new Finding(FIXTURE.fingerprint(),
                FIXTURE.ruleId(), FIXTURE.attack(), Finding.Status.FIRING, FIXTURE.title(), FIXTURE.summary(),
                FIXTURE.chain(), FIXTURE.replicaId(), FIXTURE.evidence(), FIXTURE.labels(),
                FIXTURE.recommendedActions(), again, null)));

        List<JsonNode> incidents = awaitItems("/api/v1/incidents?project=" + project, token, 2);
        assertThat(incidents).extracting(i -> i.get("status").asString() + "@" + i.get("since").asString())
                .containsExactly("firing@" + again, "resolved@" + STARTS);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndIngestCarriesOn() {
        String project = project(alice);
        sendRaw("cm.findings.v1", project, "{not json".getBytes());
        sendRaw("cm.findings.v1", project, Fixtures.json(EventType.FINDING).replace("\"firing\"", "\"burning\"")
                .getBytes());
        send(findingEvent(project, Severity.LOW, Finding.Status.FIRING, STARTS.plusSeconds(3)));

        awaitItems("/api/v1/findings?project=" + project, token, 1);
        assertThat(TopicRecords.keysOn("cm.findings.v1-dlt")).contains(project);
    }

    private Map<String, Object> awaitIncident(String project, int events) {
        return await().until(() -> jdbc.sql("""
                SELECT fingerprint, starts_at, status, severity, rule_id, title, summary, chain_type, height,
                       replica_id, evidence::text AS evidence, ends_at, first_signal_at, last_signal_at,
                       latest_event_at, event_count
                  FROM incident WHERE project_id = :p
                """).param("p", project).query().listOfRows(),
                rows -> rows.size() == 1 && ((Number) rows.getFirst().get("event_count")).intValue() == events)
                .getFirst();
    }

    private static Envelope<Finding> findingEvent(String project, Severity severity, Finding.Status status,
            Instant at) {
        return event(project, severity, at, new Finding(FIXTURE.fingerprint(), FIXTURE.ruleId(), FIXTURE.attack(),
                status, FIXTURE.title(), status == Finding.Status.RESOLVED
                        ? "Resolved: " + FIXTURE.summary()
                        : FIXTURE.summary(),
                FIXTURE.chain(), FIXTURE.replicaId(), FIXTURE.evidence(), FIXTURE.labels(),
                FIXTURE.recommendedActions(), STARTS, status == Finding.Status.RESOLVED ? at : null));
    }

    /** The same event for another project: a new id, as the ids of different events always are. */
    private static <T extends io.chainmonitor.events.EventPayload> Envelope<T> copyFor(Envelope<T> event,
            String project) {
        return new Envelope<>(event.specversion(), io.chainmonitor.events.Uuid7.next().toString(), event.type(),
                event.source(), event.subject(),
                event.time(), event.datacontenttype(), project, event.severity(), event.data());
    }
}
