package io.chainmonitor.spawner.audit;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.spawner.SpawnerIT;
import io.chainmonitor.spawner.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRelayIT extends SpawnerIT {

    @Autowired
    OutboxRelay relay;

    @Test
    void changesMadeWhilePublishingIsDownArriveExactlyOnceWhenItResumes() {
        String alice = user("alice-" + UUID.randomUUID());
        relay.stop();
        String id;
        try {
            id = createProject(alice, "while down", "litecoin-regtest");
            assertThat(send("PUT", "/api/v1/projects/" + id, alice, """
                    {"name": "still down", "replicas": {"total": 1, "locations": [{"name": "local", "count": 1}]}}
                    """).statusCode()).isEqualTo(200);

            // Stored with the change, not yet sent.
            assertThat(unsent(id)).isEqualTo(4);
            assertThat(TopicReader.eventsOf("cm.projects.v1", id)).isEmpty();
        } finally {
            relay.start();
        }

        await().until(() -> unsent(id) == 0);
        // A second round over the same rows sends nothing again.
        assertThat(relay.sendPending()).isZero();
        List<Envelope<?>> lifecycle = TopicReader.eventsOf("cm.projects.v1", id);
        assertThat(lifecycle).extracting(event -> ((ProjectLifecycle) event.data()).change())
                .containsExactly(ProjectLifecycle.Change.CREATED, ProjectLifecycle.Change.UPDATED);
        List<Envelope<?>> audit = TopicReader.eventsOf("cm.audit.v1", id);
        assertThat(audit).hasSize(2);
        List<String> ids = jdbc.sql("select id from outbox_event where project_id = ? order by created_at").param(id)
                .query(UUID.class).list().stream().map(UUID::toString).toList();
        assertThat(ids).hasSize(4);
        assertThat(lifecycle.stream().map(Envelope::id)).doesNotHaveDuplicates().allMatch(ids::contains);
        assertThat(audit.stream().map(Envelope::id)).doesNotHaveDuplicates().allMatch(ids::contains);
    }

    private long unsent(String projectId) {
        return jdbc.sql("select count(*) from outbox_event where project_id = ? and sent_at is null").param(projectId)
                .query(Long.class).single();
    }
}
