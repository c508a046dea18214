package io.chainmonitor.reporter.live;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.fixtures.Fixtures;
import io.chainmonitor.reporter.ReporterIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IncidentFeedIT extends ReporterIT {

    private static final Finding FIXTURE = Fixtures.payload(EventType.FINDING, Finding.class);

    private final String alice = "alice-" + UUID.randomUUID();
    private final String token = user(alice);

    @Test
    void aSubscriberGetsTheNewIncidentAndThenItsResolution() throws Exception {
        String project = project(alice);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = send(request("/api/v1/projects/" + project + "/incidents/stream",
                token).header("Accept", "text/event-stream").GET(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
        try {
            await().until(() -> lines.stream().anyMatch(line -> line.startsWith(":subscribed")));

            send(event(project, Severity.HIGH, FIXTURE.startsAt().plusSeconds(1), finding(Finding.Status.FIRING)));
            JsonNode opened = await().until(() -> incidents(lines), found -> found.size() == 1).getFirst();
            assertThat(opened.get("status").asString()).isEqualTo("firing");
            assertThat(opened.get("projectId").asString()).isEqualTo(project);
            assertThat(lines).contains("event:incident", "id:" + opened.get("id").asString());

            send(event(project, Severity.HIGH, FIXTURE.startsAt().plusSeconds(99), finding(Finding.Status.RESOLVED)));
            JsonNode resolved = await().until(() -> incidents(lines), found -> found.size() == 2).getLast();
            assertThat(resolved.get("id")).isEqualTo(opened.get("id"));
            assertThat(resolved.get("status").asString()).isEqualTo("resolved");
        } finally {
            stream.body().close();
            reader.cancel(true);
        }
    }

    @Test
    void anotherUsersProjectCannotBeSubscribedTo() {
        String project = project(alice);
        HttpResponse<String> response = get("/api/v1/projects/" + project + "/incidents/stream",
                user("mallory-" + UUID.randomUUID()));
        assertProblem(response, 404, "not-found", "projectId");
    }

    private static List<JsonNode> incidents(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("data:"))
                .map(line -> JSON.readTree(line.substring("data:".length()))).toList();
    }

    private static Finding finding(Finding.Status status) {
        Instant ends = status == Finding.Status.RESOLVED ? FIXTURE.startsAt().plusSeconds(98) : null;
        return new Finding(FIXTURE.fingerprint(), FIXTURE.ruleId(), FIXTURE.attack(), status, FIXTURE.title(),
                FIXTURE.summary(), FIXTURE.chain(), FIXTURE.replicaId(), FIXTURE.evidence(), FIXTURE.labels(),
                FIXTURE.recommendedActions(), FIXTURE.startsAt(), ends);
    }
}
