package io.chainmonitor.reporter.query;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.fixtures.Fixtures;
import io.chainmonitor.reporter.ReporterIT;

import static org.assertj.core.api.Assertions.assertThat;

class QueryIT extends ReporterIT {

    private static final Finding FIXTURE = Fixtures.payload(EventType.FINDING, Finding.class);
    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    private final String alice = "alice-" + UUID.randomUUID();
    private final String aliceToken = user(alice);
    private final String bobToken = user("bob-" + UUID.randomUUID());

    @Test
    void badQueriesAreRefusedWithAProblemNamingTheParameter() {
        String project = project(alice);
        String base = "/api/v1/findings?project=" + project;

        assertProblem(get(base + "&colour=red", aliceToken), 400, "unknown-parameter", "colour");
        assertProblem(get(base + "&from=2026-11-22T04:00:00Z&to=2026-11-22T03:00:00Z", aliceToken), 400,
                "inverted-range", "from");
        assertProblem(get(base + "&limit=501", aliceToken), 400, "limit-too-large", "limit");
        assertProblem(get(base + "&limit=0", aliceToken), 400, "invalid-parameter", "limit");
        assertProblem(get(base + "&cursor=bm90LWEtY3Vyc29y", aliceToken), 400, "invalid-cursor", "cursor");
        assertProblem(get(base + "&severity=critical", aliceToken), 400, "invalid-parameter", "severity");
        assertProblem(get(base + "&status=burning", aliceToken), 400, "invalid-parameter", "status");
        assertProblem(get(base + "&from=yesterday", aliceToken), 400, "invalid-parameter", "from");
        assertProblem(get("/api/v1/incidents?status=dry_run", aliceToken), 400, "invalid-parameter", "status");
        assertProblem(get("/api/v1/projects/" + project + "/metrics/series?metric=m&resolution=daily", aliceToken),
                400, "invalid-parameter", "resolution");
        assertProblem(get("/api/v1/projects/" + project + "/metrics/series", aliceToken), 400, "invalid-parameter",
                "metric");
        assertThat(get(base, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aUserSeesOnlyTheRecordsOfTheirOwnProjects() {
        String project = project(alice);
        send(finding(project, Severity.HIGH, "fp-own", T0));
        JsonNode incident = awaitItems("/api/v1/incidents?project=" + project, aliceToken, 1).getFirst();

        assertProblem(get("/api/v1/findings?project=" + project, bobToken), 404, "not-found", "project");
        assertProblem(get("/api/v1/incidents?project=" + project, bobToken), 404, "not-found", "project");
        assertThat(get("/api/v1/incidents/" + incident.get("id").asString(), bobToken).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/projects/" + project + "/metrics/series?metric=chain.peers", bobToken).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/projects/" + project + "/reports", bobToken).statusCode()).isEqualTo(404);
        assertThat(json(get("/api/v1/findings", bobToken)).get("items").values().stream()
                .map(item -> item.get("projectId").asString())).doesNotContain(project);
        assertThat(json(get("/api/v1/incidents/" + incident.get("id").asString(), aliceToken)).get("id"))
                .isEqualTo(incident.get("id"));
    }

    @Test
    void listingsAreSortedBySeverityThenNewestFirstAndPagedByCursor() {
        String project = project(alice);
        send(finding(project, Severity.LOW, "fp-1", T0.plusSeconds(10)));
        send(finding(project, Severity.HIGH, "fp-2", T0.plusSeconds(20)));
        send(finding(project, Severity.EXTREME, "fp-3", T0.plusSeconds(5)));
        send(finding(project, Severity.HIGH, "fp-4", T0.plusSeconds(40)));
        send(finding(project, Severity.MEDIUM, "fp-5", T0.plusSeconds(30)));
        awaitItems("/api/v1/findings?project=" + project + "&limit=500", aliceToken, 5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(get("/api/v1/findings?project=" + project + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), aliceToken));
            page.get("items").values().forEach(item -> seen.add(item.get("event").get("data").get("fingerprint")
                    .asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly("fp-3", "fp-4", "fp-2", "fp-5", "fp-1");
        assertThat(pages).isEqualTo(3);
        assertThat(awaitItems("/api/v1/incidents?project=" + project, aliceToken, 5))
                .extracting(i -> i.get("fingerprint").asString())
                .containsExactly("fp-3", "fp-4", "fp-2", "fp-5", "fp-1");
    }

    @Test
    void filtersNarrowTheListing() {
        String project = project(alice);
        send(finding(project, Severity.HIGH, "fp-a", T0.plusSeconds(10)));
        send(finding(project, Severity.LOW, "fp-b", T0.plusSeconds(3700)));
        awaitItems("/api/v1/findings?project=" + project, aliceToken, 2);

        String base = "/api/v1/findings?project=" + project;
        assertThat(fingerprints(get(base + "&severity=high,extreme", aliceToken))).containsExactly("fp-a");
        assertThat(fingerprints(get(base + "&from=2026-11-22T04:00:00Z", aliceToken))).containsExactly("fp-b");
        assertThat(fingerprints(get(base + "&to=2026-11-22T04:00:00Z", aliceToken))).containsExactly("fp-a");
        assertThat(fingerprints(get(base + "&q=fp-b%20happened", aliceToken))).containsExactly("fp-b");
        assertThat(fingerprints(get(base + "&rule=pow.51-percent&replica=r-2&attack=51-percent&status=firing",
                aliceToken))).containsExactly("fp-a", "fp-b");
        assertThat(fingerprints(get(base + "&status=resolved", aliceToken))).isEmpty();
    }

    @Test
    void aMetricSeriesIsAnsweredRawAndInMinuteAndHourRollups() {
        String project = project(alice);
        send(event(project, Severity.LOW, T0, batch(T0.plusSeconds(5), 4)));
        send(event(project, Severity.LOW, T0, batch(T0.plusSeconds(35), 8)));
        send(event(project, Severity.LOW, T0, batch(T0.plusSeconds(65), 6)));
        String series = "/api/v1/projects/" + project + "/metrics/series?metric=chain.peers&replica=r-1";

        List<JsonNode> raw = org.awaitility.Awaitility.await().until(
                () -> json(get(series + "&resolution=raw", aliceToken)).get("points").values().stream().toList(),
                points -> points.size() == 3);
        assertThat(raw).extracting(p -> p.get("value").asDouble()).containsExactly(4.0, 8.0, 6.0);
        JsonNode minutes = json(get(series + "&resolution=minute", aliceToken)).get("points");
        assertThat(minutes.size()).isEqualTo(2);
        assertThat(minutes.get(0).get("at").asString()).isEqualTo("2026-11-22T03:00:00Z");
        assertThat(minutes.get(0).get("min").asDouble()).isEqualTo(4.0);
        assertThat(minutes.get(0).get("max").asDouble()).isEqualTo(8.0);
        assertThat(minutes.get(0).get("avg").asDouble()).isEqualTo(6.0);
        assertThat(minutes.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(minutes.get(0).get("value").asDouble()).isEqualTo(8.0);
        JsonNode hour = json(get(series + "&resolution=hour&from=2026-11-22T03:00:00Z&to=2026-11-22T04:00:00Z",
                aliceToken)).get("points");
        assertThat(hour.size()).isEqualTo(1);
        assertThat(hour.get(0).get("count").asLong()).isEqualTo(3);
        assertThat(hour.get(0).get("value").asDouble()).isEqualTo(6.0);
        assertThat(hour.get(0).get("unit").asString()).isEqualTo("peers");
    }

    private static List<String> fingerprints(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("items").values().stream()
                .map(item -> item.get("event").get("data").get("fingerprint").asString()).toList();
    }

    private static io.chainmonitor.events.Envelope<Finding> finding(String project, Severity severity,
            String fingerprint, Instant at) {
        return event(project, severity, at, new Finding(fingerprint, FIXTURE.ruleId(), FIXTURE.attack(),
                Finding.Status.FIRING, "Finding " + fingerprint, fingerprint + " happened", FIXTURE.chain(),
                FIXTURE.replicaId(), FIXTURE.evidence(), FIXTURE.labels(), FIXTURE.recommendedActions(), at, null));
    }

    private static MetricBatch batch(Instant at, double peers) {
        return new MetricBatch("r-1", "litecoin", 1212L, null, at, "chain-watcher",
                List.of(new MetricBatch.Sample("chain.peers", peers, "peers", Map.of())));
    }
}
