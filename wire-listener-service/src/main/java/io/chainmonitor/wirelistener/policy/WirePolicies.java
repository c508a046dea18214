package io.chainmonitor.wirelistener.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import io.chainmonitor.wirelistener.WireListenerProperties;
import io.chainmonitor.wirelistener.WireListenerProperties.CriticalPolicy;

/**
 * Each project's critical-call policy: the one its owner stored in {@code wire_policy}, else the configuration's.
 * Read on the network threads from memory; every instance reloads the table every 15 s, like source blocks.
 */
public class WirePolicies {

    private final JdbcClient jdbc;
    private final WireListenerProperties properties;
    private final Map<String, CriticalPolicy> stored = new ConcurrentHashMap<>();

    public WirePolicies(JdbcClient jdbc, WireListenerProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        reload();
    }

    /** What a critical call on a replica of the project gets now. */
    public CriticalPolicy criticalFor(String projectId) {
        CriticalPolicy own = stored.get(projectId);
        return own != null ? own : properties.criticalFor(projectId);
    }

    /** The policy stored for the project, if its owner set one. */
    Optional<CriticalPolicy> stored(String projectId) {
        return Optional.ofNullable(stored.get(projectId));
    }

    void store(String projectId, CriticalPolicy critical, String by, Instant at) {
        jdbc.sql("""
                insert into wire_policy (project_id, critical, updated_by, updated_at) values (:p, :c, :by, :at)
                on conflict (project_id) do update set critical = :c, updated_by = :by, updated_at = :at""")
                .param("p", projectId).param("c", critical.name()).param("by", by).param("at", Timestamp.from(at))
                .update();
        stored.put(projectId, critical);
    }

    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void reload() {
        Map<String, CriticalPolicy> now = new ConcurrentHashMap<>();
        jdbc.sql("select project_id, critical from wire_policy")
                .query((rs, n) -> now.put(rs.getString(1), CriticalPolicy.valueOf(rs.getString(2)))).list();
        stored.keySet().retainAll(now.keySet());
        stored.putAll(now);
    }
}
