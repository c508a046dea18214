package io.chainmonitor.reporter.maintenance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.Topic;
import io.chainmonitor.reporter.ReporterProperties;
import io.chainmonitor.reporter.ingest.EventKind;

/**
 * Deletes what is past its kind's retention: events per kind, incidents by their last signal, metric samples and
 * rollups, reports (with their share links), and the processed-event marks of a topic once the broker no longer
 * keeps the records they guard against (the topic's own retention).
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final JdbcClient jdbc;
    private final ReporterProperties properties;
    private final Clock clock;

    RetentionPurge(JdbcClient jdbc, ReporterProperties properties, Clock reporterClock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = reporterClock;
    }

    /** Purges everything past retention now; returns the rows deleted per kind. */
    @Scheduled(initialDelayString = "${chain-monitor.reporter.retention.purge-interval:1h}", fixedDelayString = "${chain-monitor.reporter.retention.purge-interval:1h}")
    public Map<String, Integer> purge() {
        ReporterProperties.Retention retention = properties.retention();
        Instant now = clock.instant();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        Map<EventKind, Duration> kinds = Map.of(EventKind.FINDING, retention.findings(), EventKind.WIRE_INCIDENT,
                retention.wireIncidents(), EventKind.HEALTH_REPORT, retention.healthReports(), EventKind.NOTIFICATION,
                retention.notifications(), EventKind.ACTION, retention.actions(), EventKind.AUDIT, retention.audit());
        for (EventKind kind : EventKind.values()) {
            deleted.put(kind.column(), jdbc.sql("DELETE FROM event WHERE kind = :kind AND at < :before")
                    .param("kind", kind.column()).param("before", before(now, kinds.get(kind))).update());
        }
        deleted.put("incident", jdbc.sql("DELETE FROM incident WHERE last_signal_at < :before")
                .param("before", before(now, retention.incidents())).update());
        deleted.put("metric_sample", jdbc.sql("DELETE FROM metric_sample WHERE observed_at < :before")
                .param("before", before(now, retention.metricRaw())).update());
        deleted.put("metric_minute", rollups("minute", before(now, retention.metricMinute())));
        deleted.put("metric_hour", rollups("hour", before(now, retention.metricHour())));
        deleted.put("report", jdbc.sql("DELETE FROM report WHERE created_at < :before")
                .param("before", before(now, retention.reports())).update());
        int marks = 0;
        for (Topic topic : Topic.values()) {
            if (topic.retention().isPresent()) {
                marks += jdbc.sql("DELETE FROM processed_event WHERE topic = :topic AND processed_at < :before")
                        .param("topic", topic.topicName()).param("before", before(now, topic.retention().get()))
                        .update();
            }
        }
        deleted.put("processed_event", marks);
        if (deleted.values().stream().anyMatch(count -> count > 0)) {
            log.info("purged past retention: {}", deleted);
        }
        return deleted;
    }

    private int rollups(String resolution, Timestamp before) {
        return jdbc.sql("DELETE FROM metric_rollup WHERE resolution = :resolution AND bucket_start < :before")
                .param("resolution", resolution).param("before", before).update();
    }

    private static Timestamp before(Instant now, Duration retention) {
        return Timestamp.from(now.minus(retention));
    }
}
