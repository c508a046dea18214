package io.chainmonitor.spawner.token;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.spawner.SpawnerIT;
import io.chainmonitor.spawner.binary.NodeFiles;
import io.chainmonitor.support.kafka.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CiTokenIT extends SpawnerIT {

    private final String alice = user("alice-" + UUID.randomUUID());

    @Test
    void aTokenIsShownOnceStoredHashedAndAudited() {
        String id = createProject(alice, "ci", "litecoin");

        HttpResponse<String> created = send("POST", "/api/v1/projects/" + id + "/tokens", alice,
                "{\"name\": \"github actions\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = json(created).get("token").asString();
        String tokenId = json(created).get("id").asString();
        assertThat(token).matches("cmt_[A-Za-z0-9_-]{43}");
        assertThat(json(created).get("prefix").asString()).isEqualTo(token.substring(0, 12));
        HttpResponse<String> listed = get("/api/v1/projects/" + id + "/tokens", alice);
        assertThat(listed.body()).doesNotContain(token).contains(tokenId).contains("github actions");
        assertThat(jdbc.sql("select token_hash from ci_token where id = ?").param(UUID.fromString(tokenId))
                .query(String.class).single()).isEqualTo(CiTokens.hash(token));
        assertThat(jdbc.sql("select count(*) from ci_token where token_hash like ? or prefix = ?")
                .params("%" + token.substring(4) + "%", token).query(Long.class).single()).isZero();
        List<Envelope<?>> audit = await().until(() -> TopicReader.eventsOf("cm.audit.v1", id),
                events -> events.size() == 2);
        AuditEntry entry = (AuditEntry) audit.get(1).data();
        assertThat(entry.action()).isEqualTo("ci-token.created");
        assertThat(entry.resourceId()).isEqualTo(tokenId);
        assertThat(entry.changes().values()).doesNotContain(token);
    }

    @Test
    void aTokenReadsItsProjectAndUploadsItsBinaryAsTheAuditedCiActor() {
        String id = createProject(alice, "ci upload", "litecoin");
        String token = createToken(id, null);

        assertThat(json(get("/api/v1/projects/" + id, token)).get("id").asString()).isEqualTo(id);
        assertThat(json(get("/api/v1/projects", token)).size()).isEqualTo(1);
        byte[] script = ("#!/bin/sh\n# " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = uploadBinary(id, token, script, NodeFiles.sha256(script));

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(json(uploaded).get("uploadedBy").asString()).startsWith("ci-token:");
        List<Envelope<?>> audit = await().until(() -> TopicReader.eventsOf("cm.audit.v1", id),
                events -> events.size() == 3);
        AuditEntry upload = (AuditEntry) audit.get(2).data();
        assertThat(upload.action()).isEqualTo("project.binary_changed");
        assertThat(upload.actorType()).isEqualTo(AuditEntry.ActorType.CI_TOKEN);
    }

    @Test
    void aTokenCanDoNothingElseAndReachesNoOtherProject() {
        String id = createProject(alice, "scoped", "litecoin");
        String other = createProject(alice, "other", "litecoin");
        String token = createToken(id, null);
        Stored before = stored();

        assertProblem(send("POST", "/api/v1/projects", token, projectJson("by ci", "litecoin")), 403,
                "forbidden-for-ci-token");
        assertProblem(send("PUT", "/api/v1/projects/" + id, token, """
                {"name": "renamed", "replicas": {"total": 1, "locations": [{"name": "local", "count": 1}]}}
                """), 403, "forbidden-for-ci-token");
        assertProblem(send("DELETE", "/api/v1/projects/" + id, token, null), 403, "forbidden-for-ci-token");
        assertProblem(get("/api/v1/projects/" + id + "/tokens", token), 403, "forbidden-for-ci-token");
        assertProblem(send("POST", "/api/v1/projects/" + id + "/tokens", token, "{\"name\": \"more\"}"), 403,
                "forbidden-for-ci-token");
        assertProblem(get("/api/v1/projects/" + other, token), 404, "not-found");
        byte[] elf = NodeFiles.x86Executable();
        assertProblem(uploadBinary(other, token, elf, NodeFiles.sha256(elf)), 404, "not-found");
        assertProblem(send("POST", "/api/v1/projects/" + other + "/deployment", token, null), 404, "not-found");
        assertProblem(get("/api/v1/projects/" + other + "/deployment", token), 404, "not-found");
        assertProblem(send("DELETE", "/api/v1/projects/" + other + "/deployment", token, null), 404, "not-found");

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aRevokedExpiredOrMadeUpTokenIsRefused() {
        String id = createProject(alice, "revoke", "litecoin");
        String token = createToken(id, null);
        String tokenId = jdbc.sql("select id from ci_token where token_hash = ?").param(CiTokens.hash(token))
                .query(UUID.class).single().toString();

        assertThat(send("DELETE", "/api/v1/projects/" + id + "/tokens/" + tokenId, alice, null).statusCode())
                .isEqualTo(204);

        HttpResponse<String> revoked = get("/api/v1/projects/" + id, token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json(revoked).get("detail").asString()).contains("unknown, revoked or expired");
        assertThat(get("/api/v1/projects/" + id, CiTokens.newSecret()).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/api/v1/projects/" + id + "/tokens/" + tokenId, alice, null).statusCode())
                .isEqualTo(404);
        List<Envelope<?>> audit = await().until(() -> TopicReader.eventsOf("cm.audit.v1", id),
                events -> events.size() == 3);
        assertThat(((AuditEntry) audit.get(2).data()).action()).isEqualTo("ci-token.revoked");

        String expiring = createToken(id, Instant.now().plusSeconds(2));
        assertThat(get("/api/v1/projects/" + id, expiring).statusCode()).isEqualTo(200);
        await().untilAsserted(() -> assertThat(get("/api/v1/projects/" + id, expiring).statusCode()).isEqualTo(401));
    }

    @Test
    void aTokenExpiringInThePastIsRefusedAndNothingIsStored() {
        String id = createProject(alice, "past", "litecoin");
        Stored before = stored();
        HttpResponse<String> response = send("POST", "/api/v1/projects/" + id + "/tokens", alice,
                "{\"name\": \"old\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}");
        assertProblem(response, 400, "invalid-request");
        assertThat(json(response).get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
        assertThat(stored()).isEqualTo(before);
    }

    private String createToken(String projectId, Instant expiresAt) {
        String body = expiresAt == null
                ? "{\"name\": \"ci\"}"
                : "{\"name\": \"ci\", \"expiresAt\": \"" + expiresAt + "\"}";
        HttpResponse<String> created = send("POST", "/api/v1/projects/" + projectId + "/tokens", alice, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("token").asString();
    }
}
