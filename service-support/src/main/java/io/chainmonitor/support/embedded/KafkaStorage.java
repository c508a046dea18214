package io.chainmonitor.support.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.support.embedded.EmbeddedRuntimeException.Reason;

/** The broker's log directory, which also holds the KRaft metadata log; formatted once, then reused as it is. */
record KafkaStorage(Path logDirectory) {

    private static final Logger log = LoggerFactory.getLogger(KafkaStorage.class);

    /** Formats the directory with a new cluster id unless it was formatted before; returns the cluster id. */
    String formatIfNeeded(int nodeId, String controllerListener) {
        if (Files.isRegularFile(metaProperties())) {
            return clusterId();
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(nodeId)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(controllerListener)
                    .setMetadataLogDirectory(logDirectory.toString())
                    .addDirectory(logDirectory.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new EmbeddedRuntimeException(Reason.DATA_DIRECTORY_UNUSABLE,
                    "cannot format " + logDirectory + " for Kafka: " + e.getMessage(), e);
        }
        String clusterId = clusterId();
        log.info("Formatted {} for Kafka cluster {}", logDirectory, clusterId);
        return clusterId;
    }

    /** The cluster id recorded in {@code meta.properties}. */
    String clusterId() {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties())) {
            meta.load(in);
        } catch (IOException e) {
            throw new EmbeddedRuntimeException(Reason.DATA_DIRECTORY_UNUSABLE, "cannot read " + metaProperties(), e);
        }
        String clusterId = meta.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new EmbeddedRuntimeException(Reason.DATA_DIRECTORY_UNUSABLE, metaProperties() + " has no cluster.id");
        }
        return clusterId;
    }

    private Path metaProperties() {
        return logDirectory.resolve("meta.properties");
    }
}
