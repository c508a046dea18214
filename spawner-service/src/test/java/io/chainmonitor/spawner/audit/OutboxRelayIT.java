package io.chainmonitor.spawner.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.fixtures.Fixtures;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.spawner.SpawnerIT;
import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.support.kafka.EnvelopeSerializer;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.kafka.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRelayIT extends SpawnerIT {

    @Autowired
    OutboxRelay relay;

    @Autowired
    EventCodec codec;

    @Autowired
    EventPublisher publisher;

    @Autowired
    SpawnerProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void changesMadeWhileTheRelayIsStoppedArriveExactlyOnceWhenItRestarts() {
        String alice = user("alice-" + UUID.randomUUID());
        relay.stop();
        String id;
        try {
            id = createProject(alice, "while down", "litecoin");
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

    @Test
    void eventsStayInTheOutboxWhileTheBrokerIsUnreachableAndArriveOnceItIsBack() throws IOException {
        String alice = user("alice-" + UUID.randomUUID());
        relay.stop();
        String id;
        try {
            id = createProject(alice, "broker down", "litecoin");
            OutboxRelay unreachable = new OutboxRelay(jdbc, codec, new EventPublisher(templateTo(closedPort())),
                    properties, transactions);

            assertThat(unreachable.sendPending()).isZero();
            assertThat(unsent(id)).isEqualTo(2);
        } finally {
            relay.start();
        }

        await().until(() -> unsent(id) == 0);
        assertThat(TopicReader.eventsOf("cm.projects.v1", id)).hasSize(1);
        assertThat(TopicReader.eventsOf("cm.audit.v1", id)).hasSize(1);
    }

    @Test
    void twoInstancesRelayingAtOnceSendEveryEventOnceAndInOrder() throws Exception {
        String alice = user("alice-" + UUID.randomUUID());
        relay.stop();
        String id;
        try {
            id = createProject(alice, "two relays", "litecoin");
            for (int i = 1; i <= 5; i++) {
                assertThat(send("PUT", "/api/v1/projects/" + id, alice,
                        """
                                {"name": "two relays %d", "replicas": {"total": 1, "locations": [{"name": "local", "count": 1}]}}
                                """
                                .formatted(i))
                        .statusCode()).isEqualTo(200);
            }
            OutboxRelay other = new OutboxRelay(jdbc, codec, publisher, properties, transactions);
            try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
                while (unsent(id) > 0) {
                    Future<Integer> one = both.submit(relay::sendPending);
                    Future<Integer> two = both.submit(other::sendPending);
                    one.get();
                    two.get();
                }
            }
        } finally {
            relay.start();
        }

        List<Envelope<?>> lifecycle = TopicReader.eventsOf("cm.projects.v1", id);
        assertThat(lifecycle).hasSize(6);
        assertThat(lifecycle.stream().map(Envelope::id)).doesNotHaveDuplicates();
        assertThat(lifecycle).extracting(event -> ((ProjectLifecycle) event.data()).revision())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void sentEventsOlderThanTheRetentionArePurgedAndUnsentOnesAreKept() {
        String project = "purge-" + UUID.randomUUID();
        Instant now = Instant.now();
        relay.stop();
        try {
            insert(project, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(30)));
            UUID recent = insert(project, now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)));
            UUID unsent = insert(project, now.minus(Duration.ofDays(30)), null);

            assertThat(relay.purgeSentBefore(now.minus(properties.outbox().retention()))).isEqualTo(1);

            assertThat(properties.outbox().retention()).isEqualTo(Duration.ofDays(7));
            assertThat(jdbc.sql("select id from outbox_event where project_id = ?").param(project).query(UUID.class)
                    .list()).containsExactlyInAnyOrder(recent, unsent);
        } finally {
            jdbc.sql("delete from outbox_event where project_id = ?").param(project).update();
            relay.start();
        }
    }

    /** A row as the outbox writes it, sent or not; its payload is a real event, so the relay could send it. */
    private UUID insert(String project, Instant createdAt, Instant sentAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into outbox_event (id, topic, project_id, envelope, created_at, sent_at)"
                + " values (?, 'cm.audit.v1', ?, ?, ?, ?)")
                .params(id, project, codec.write(Fixtures.envelope(EventType.AUDIT_ENTRY)), Timestamp.from(createdAt),
                        sentAt == null ? null : Timestamp.from(sentAt))
                .update();
        return id;
    }

    /** A producer for a broker address nobody listens on, which gives up quickly. */
    private static KafkaTemplate<Object, Object> templateTo(int port) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EnvelopeSerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private long unsent(String projectId) {
        return jdbc.sql("select count(*) from outbox_event where project_id = ? and sent_at is null").param(projectId)
                .query(Long.class).single();
    }
}
