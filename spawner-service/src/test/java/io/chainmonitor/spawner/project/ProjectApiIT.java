package io.chainmonitor.spawner.project;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.spawner.SpawnerIT;
import io.chainmonitor.support.kafka.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProjectApiIT extends SpawnerIT {

    private final String alice = user("alice-" + UUID.randomUUID());

    @Test
    void aCreatedProjectIsStoredShownToItsOwnerAndAnnouncedWithItsAudit() {
        HttpResponse<String> created = send("POST", "/api/v1/projects", alice,
                projectJson("ltc main", "litecoin"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode project = json(created);
        String id = project.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/projects/" + id);
        assertThat(project.get("name").asString()).isEqualTo("ltc main");
        assertThat(project.get("revision").asLong()).isEqualTo(1);
        assertThat(project.get("replicas").get("total").asInt()).isEqualTo(3);
        assertThat(project.get("replicas").get("extraArgs").get(0).asString()).isEqualTo("-txindex");
        assertThat(json(get("/api/v1/projects/" + id, alice))).isEqualTo(project);
        assertThat(json(get("/api/v1/projects", alice)).valueStream().map(node -> node.get("id").asString()))
                .containsExactly(id);
        assertThat(jdbc.sql("select owner, chain_type from project where id = ?").param(UUID.fromString(id))
                .query((rs, row) -> rs.getString(1) + "/" + rs.getString(2)).single())
                .endsWith("/litecoin").startsWith("alice-");

        List<Envelope<?>> lifecycle = await().until(() -> TopicReader.eventsOf("cm.projects.v1", id),
                events -> !events.isEmpty());
        assertThat(lifecycle).singleElement().satisfies(event -> {
            assertThat(event.subject()).isEqualTo("projects/" + id);
            assertThat(event.data()).isEqualTo(new ProjectLifecycle(id, ProjectLifecycle.Change.CREATED, "ltc main",
                    "litecoin", "bitcoin", "pow", null, 3, List.of("local", "eu-west"), 1,
                    ((ProjectLifecycle) event.data()).owner()));
            assertThat(((ProjectLifecycle) event.data()).owner()).startsWith("alice-");
        });
        List<Envelope<?>> audit = await().until(() -> TopicReader.eventsOf("cm.audit.v1", id),
                events -> !events.isEmpty());
        assertThat(audit).singleElement().satisfies(event -> {
            AuditEntry entry = (AuditEntry) event.data();
            assertThat(entry.action()).isEqualTo("project.created");
            assertThat(entry.actorType()).isEqualTo(AuditEntry.ActorType.USER);
            assertThat(entry.actor()).startsWith("alice-");
            assertThat(entry.resourceId()).isEqualTo(id);
            assertThat(entry.changes()).containsEntry("replicas.locations.eu-west", "1")
                    .containsEntry("chainType", "litecoin");
        });
    }

    @Test
    void anUpdateBumpsTheRevisionAndADeleteKeepsTheRowButHidesTheProject() {
        String id = createProject(alice, "to change", "litecoin");
        HttpResponse<String> updated = send("PUT", "/api/v1/projects/" + id, alice, """
                {"name": "changed", "replicas": {"total": 1, "locations": [{"name": "local", "count": 1}]}}
                """);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).get("revision").asLong()).isEqualTo(2);
        assertThat(json(updated).get("name").asString()).isEqualTo("changed");

        assertThat(send("DELETE", "/api/v1/projects/" + id, alice, null).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/projects/" + id, alice).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select deleted_at is not null from project where id = ?").param(UUID.fromString(id))
                .query(Boolean.class).single()).isTrue();
        List<Envelope<?>> events = await().until(() -> TopicReader.eventsOf("cm.projects.v1", id),
                found -> found.size() == 3);
        assertThat(events).extracting(event -> ((ProjectLifecycle) event.data()).change() + "@"
                + ((ProjectLifecycle) event.data()).revision())
                .containsExactly("CREATED@1", "UPDATED@2", "DELETED@3");
        // The name is free again once the project is deleted.
        assertThat(send("POST", "/api/v1/projects", alice, projectJson("changed", "litecoin")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void theNetworkIsOneTheChainTypeAllowsAndStaysWhatItWasCreatedWith() {
        HttpResponse<String> created = send("POST", "/api/v1/projects", alice, """
                {"name": "ltc mainnet", "chainType": "litecoin",
                 "replicas": {"total": 1, "locations": [{"name": "local", "count": 1}], "network": "main"}}
                """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("replicas").get("network").asString()).isEqualTo("main");
        String id = json(created).get("id").asString();
        Stored before = stored();

        HttpResponse<String> unknown = send("POST", "/api/v1/projects", alice, """
                {"name": "ltc signet", "chainType": "litecoin",
                 "replicas": {"total": 1, "locations": [{"name": "local", "count": 1}], "network": "signet"}}
                """);
        assertProblem(unknown, 400, "invalid-replicas", "replicas.network");
        assertThat(json(unknown).get("detail").asString()).contains("main", "regtest");
        assertProblem(send("POST", "/api/v1/projects", alice, """
                {"name": "anvil main", "chainType": "anvil",
                 "replicas": {"total": 1, "locations": [{"name": "local", "count": 1}], "network": "main"}}
                """), 400, "invalid-replicas", "replicas.network");
        assertProblem(send("PUT", "/api/v1/projects/" + id, alice, """
                {"name": "ltc mainnet", "replicas": {"total": 1, "locations": [{"name": "local", "count": 1}],
                 "network": "regtest"}}
                """), 400, "invalid-replicas", "replicas.network");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUnknownChainTypeIsRefusedWithTheValidOnesAndNothingIsStored() {
        Stored before = stored();
        HttpResponse<String> response = send("POST", "/api/v1/projects", alice, projectJson("x", "dogecoin"));
        assertProblem(response, 400, "unknown-chain-type", "chainType");
        assertThat(json(response).get("detail").asString()).contains("anvil, bitcoin, ethereum, litecoin");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void zeroOrNegativeReplicasAreRefusedAndNothingIsStored() {
        Stored before = stored();
        assertProblem(send("POST", "/api/v1/projects", alice, """
                {"name": "z", "chainType": "litecoin",
                 "replicas": {"total": 0, "locations": [{"name": "local", "count": 0}]}}
                """), 400, "invalid-request", "replicas.total");
        assertProblem(send("POST", "/api/v1/projects", alice, """
                {"name": "n", "chainType": "litecoin",
                 "replicas": {"total": 1, "locations": [{"name": "local", "count": -1}]}}
                """), 400, "invalid-request", "replicas.locations[0].count");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void countsThatDoNotAddUpToTheTotalAreRefusedAndNothingIsStored() {
        Stored before = stored();
        HttpResponse<String> response = send("POST", "/api/v1/projects", alice,
                """
                        {"name": "sum", "chainType": "litecoin",
                         "replicas": {"total": 4, "locations": [{"name": "local", "count": 2}, {"name": "eu-west", "count": 1}]}}
                        """);
        assertProblem(response, 400, "invalid-replicas", "replicas.total");
        assertThat(json(response).get("detail").asString()).contains("add up to 3");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUnknownLocationIsRefusedWithTheKnownOnesAndNothingIsStored() {
        Stored before = stored();
        HttpResponse<String> response = send("POST", "/api/v1/projects", alice, """
                {"name": "loc", "chainType": "litecoin",
                 "replicas": {"total": 1, "locations": [{"name": "mars", "count": 1}]}}
                """);
        assertProblem(response, 400, "unknown-location", "replicas.locations[0].name");
        assertThat(json(response).get("detail").asString()).contains("local, eu-west");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aSecondProjectOfTheSameNameForTheSameOwnerIsAConflictButAnotherOwnerMayUseIt() {
        createProject(alice, "twin", "litecoin");
        Stored before = stored();
        assertProblem(send("POST", "/api/v1/projects", alice, projectJson("twin", "litecoin")), 409,
                "duplicate-project-name", "name");
        assertThat(stored()).isEqualTo(before);
        assertThat(send("POST", "/api/v1/projects", user("bob-" + UUID.randomUUID()),
                projectJson("twin", "litecoin")).statusCode()).isEqualTo(201);
    }

    @Test
    void anOverLongNameIsRefusedAndNothingIsStored() {
        Stored before = stored();
        assertProblem(send("POST", "/api/v1/projects", alice, projectJson("n".repeat(101), "litecoin")), 400,
                "invalid-request", "name");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUnknownJsonFieldIsRefusedByNameAndNothingIsStored() {
        Stored before = stored();
        HttpResponse<String> response = send("POST", "/api/v1/projects", alice, """
                {"name": "u", "chainType": "litecoin", "owner": "mallory",
                 "replicas": {"total": 1, "locations": [{"name": "local", "count": 1}]}}
                """);
        assertProblem(response, 400, "invalid-request", "owner");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anotherOwnersProjectIsNotFoundForEveryOperationAndStaysAsItWas() {
        String id = createProject(alice, "private", "litecoin");
        String bob = user("bob-" + UUID.randomUUID());
        Stored before = stored();
        String path = "/api/v1/projects/" + id;
        assertProblem(get(path, bob), 404, "not-found", null);
        assertProblem(send("PUT", path, bob, """
                {"name": "mine", "replicas": {"total": 1, "locations": [{"name": "local", "count": 1}]}}
                """), 404, "not-found", null);
        assertProblem(send("DELETE", path, bob, null), 404, "not-found", null);
        assertProblem(get(path + "/binary", bob), 404, "not-found", null);
        assertProblem(send("POST", path + "/tokens", bob, "{\"name\": \"ci\"}"), 404, "not-found", null);
        assertThat(json(get("/api/v1/projects", bob)).size()).isZero();
        assertThat(stored()).isEqualTo(before);
        assertThat(get(path, alice).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        assertThat(get("/api/v1/projects", null).statusCode()).isEqualTo(401);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:chain-monitor:problem:" + type);
        if (field != null) {
            assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                    .contains(field);
        }
    }
}
