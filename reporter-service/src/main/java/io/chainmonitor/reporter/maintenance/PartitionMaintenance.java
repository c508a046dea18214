package io.chainmonitor.reporter.maintenance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.reporter.ReporterProperties;

/**
 * Keeps daily partitions of {@code event} and {@code metric_sample} ahead of time (UTC days) and drops the ones past
 * retention. A day's partition is made in one transaction: rows of that day that had fallen into the default
 * partition are moved into the new table before it is attached, so a late partition never fails nor loses a row.
 */
@Component
public class PartitionMaintenance {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    /** A partitioned table, its time column, and how long its rows are kept. */
    private record Partitioned(String table, String timeColumn) {
    }

    private static final List<Partitioned> TABLES = List.of(new Partitioned("event", "at"),
            new Partitioned("metric_sample", "observed_at"));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ReporterProperties properties;
    private final Clock clock;

    PartitionMaintenance(JdbcClient jdbc, TransactionTemplate transactions, ReporterProperties properties,
            Clock reporterClock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = reporterClock;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${chain-monitor.reporter.partitions.maintenance-interval:1h}")
    synchronized void maintain() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (Partitioned table : TABLES) {
            for (int day = -1; day <= properties.partitions().daysAhead(); day++) {
                ensure(table, today.plusDays(day));
            }
        }
        dropBefore(TABLES.get(0), today.minusDays(properties.retention().longestEventRetention().toDays() + 1));
        dropBefore(TABLES.get(1), today.minusDays(properties.retention().metricRaw().toDays() + 1));
    }

    /** The partitions of {@code table} by name, oldest first. */
    public List<String> partitions(String table) {
        return jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                  JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace
                 WHERE p.relname = :table AND n.nspname = current_schema() ORDER BY c.relname
                """).param("table", table).query(String.class).list();
    }

    void ensure(Partitioned table, LocalDate day) {
        String name = table.table() + "_p" + day.format(SUFFIX);
        if (partitions(table.table()).contains(name)) {
            return;
        }
        String from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        String to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        String range = table.timeColumn() + " >= '" + from + "' AND " + table.timeColumn() + " < '" + to + "'";
        transactions.executeWithoutResult(status -> {
            jdbc.sql("LOCK TABLE " + table.table() + " IN SHARE ROW EXCLUSIVE MODE").update();
            // Another instance may have made it while this one waited for the lock.
            if (partitions(table.table()).contains(name)) {
                return;
            }
            jdbc.sql("CREATE TABLE " + name + " (LIKE " + table.table() + " INCLUDING DEFAULTS)").update();
            int moved = jdbc.sql("WITH moved AS (DELETE FROM " + table.table() + "_default WHERE " + range
                    + " RETURNING *) INSERT INTO " + name + " SELECT * FROM moved").update();
            jdbc.sql("ALTER TABLE " + table.table() + " ATTACH PARTITION " + name + " FOR VALUES FROM ('" + from
                    + "') TO ('" + to + "')").update();
            if (moved > 0) {
                log.info("moved {} rows of {} from the default partition into {}", moved, day, name);
            }
        });
    }

    private void dropBefore(Partitioned table, LocalDate firstKept) {
        for (String partition : partitions(table.table())) {
            String suffix = partition.substring(partition.lastIndexOf("_p") + 2);
            if (partition.endsWith("_default") || suffix.length() != 8) {
                continue;
            }
            if (LocalDate.parse(suffix, SUFFIX).isBefore(firstKept)) {
                jdbc.sql("DROP TABLE " + partition).update();
                log.info("dropped partition {}, past retention", partition);
            }
        }
    }
}
