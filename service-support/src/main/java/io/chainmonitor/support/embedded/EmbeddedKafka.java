package io.chainmonitor.support.embedded;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.support.embedded.EmbeddedRuntimeException.Reason;

/** A real single-node Kafka broker (KRaft combined broker+controller) in this JVM, log dirs kept in a directory. */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    /**
     * The broker's own loggers (not the clients'), chatty at INFO; an application embedding the broker may set them
     * to WARN.
     */
    public static final List<String> BROKER_LOGGERS = List.of("kafka", "state.change.logger",
            "org.apache.kafka.server", "org.apache.kafka.controller", "org.apache.kafka.raft",
            "org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.snapshot",
            "org.apache.kafka.storage", "org.apache.kafka.coordinator", "org.apache.kafka.queue",
            "org.apache.kafka.network", "org.apache.kafka.security");

    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";
    private static final int START_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private final CloseOnce closer;

    private EmbeddedKafka(KafkaRaftServer server, int port, int controllerPort, String clusterId) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
        this.closer = new CloseOnce("embedded-kafka-" + port, this::shutDown);
    }

    /**
     * Starts a broker keeping its logs and metadata in {@code dataDirectory}, formatting it on first use; {@code port}
     * 0 picks a free loopback port. The controller listens on a free loopback port of its own.
     */
    public static EmbeddedKafka start(Path dataDirectory, int port) {
        long started = System.nanoTime();
        KafkaStorage storage = new KafkaStorage(dataDirectory.toAbsolutePath().normalize().resolve("kafka-logs"));
        String clusterId = storage.formatIfNeeded(NODE_ID, CONTROLLER);
        for (int attempt = 1;; attempt++) {
            int brokerPort = Loopback.portOrFree(port);
            int controllerPort = freePortOtherThan(brokerPort);
            KafkaRaftServer server = new KafkaRaftServer(
                    KafkaConfig.fromProps(settings(storage, brokerPort, controllerPort), false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                stop(server);
                if (port == 0 && attempt < START_ATTEMPTS && causedBy(e, BindException.class)) {
                    // A free port was taken between choosing and binding it.
                    log.info("Kafka could not bind port {} or {}; trying other ports", brokerPort, controllerPort);
                    continue;
                }
                throw new EmbeddedRuntimeException(Reason.START_FAILED,
                        "Kafka broker on port " + brokerPort + " failed to start: " + e.getMessage(), e);
            }
            EmbeddedKafka kafka = new EmbeddedKafka(server, brokerPort, controllerPort, clusterId);
            try {
                kafka.awaitReady();
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            log.info("Kafka broker started on {} (cluster {}, data in {}) in {} ms", kafka.bootstrapServers(),
                    clusterId, storage.logDirectory(), (System.nanoTime() - started) / 1_000_000);
            return kafka;
        }
    }

    /** One node running broker and controller, listening on loopback only, sized for a single machine. */
    private static Properties settings(KafkaStorage storage, int port, int controllerPort) {
        Properties settings = new Properties();
        settings.putAll(Map.ofEntries(Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + Loopback.HOST + ":" + controllerPort),
                Map.entry("listeners",
                        "PLAINTEXT://" + Loopback.HOST + ":" + port + "," + CONTROLLER + "://" + Loopback.HOST + ":"
                                + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + Loopback.HOST + ":" + port),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", storage.logDirectory().toString()),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("num.partitions", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "10"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // After a crash the restarted broker waits out its old session before it may register again.
                Map.entry("broker.heartbeat.interval.ms", "1000"),
                Map.entry("broker.session.timeout.ms", "4000"),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "4"),
                Map.entry("background.threads", "4"),
                Map.entry("num.recovery.threads.per.data.dir", "1"),
                Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024))));
        return settings;
    }

    private void awaitReady() {
        Deadline deadline = Deadline.in(READY_TIMEOUT);
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness");
        Exception last = null;
        try (Admin admin = Admin.create(config)) {
            while (!deadline.passed()) {
                int timeoutMs = (int) Math.max(1, deadline.remaining().toMillis());
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                            .nodes()
                            .get(timeoutMs, TimeUnit.MILLISECONDS);
                    if (nodes.stream().anyMatch(node -> node.id() == NODE_ID)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            last = e;
        }
        throw new EmbeddedRuntimeException(Reason.START_FAILED,
                "Kafka broker on " + bootstrapServers() + " did not report itself ready within " + READY_TIMEOUT, last);
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return Loopback.HOST + ":" + port;
    }

    /** The cluster id the data directory was formatted with; the same across restarts. */
    public String clusterId() {
        return clusterId;
    }

    /**
     * Stops the broker only when {@link #close()} is called, not by a JVM shutdown hook of its own; for an owner that
     * closes it in order from its own shutdown hook. The server's processes still end with the JVM.
     */
    public EmbeddedKafka withoutShutdownHook() {
        closer.detachShutdownHook();
        return this;
    }

    /** Shuts the broker down (controlled shutdown) and waits until its threads and ports are released. */
    @Override
    public void close() {
        closer.close();
    }

    private void shutDown() {
        stop(server);
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    int controllerPort() {
        return controllerPort;
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static int freePortOtherThan(int port) {
        int free;
        do {
            free = Loopback.freePort();
        } while (free == port);
        return free;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
