package io.chainmonitor.spawner.telemetry;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import io.chainmonitor.spawner.runtime.ReplicaKey;

/**
 * CPU use of a replica between two samples, in percent of one core (a node busy on two cores shows 200): the growth
 * of its processes' user + system ticks over the time between the samples.
 */
final class CpuMeter {

    private record Reading(long pid, long ticks, Instant at) {
    }

    private final Map<ReplicaKey, Reading> last = new ConcurrentHashMap<>();

    /** The percentage since the previous reading of the same process, or empty for its first reading. */
    OptionalDouble percent(ReplicaKey key, long pid, long ticks, Instant at) {
        Reading previous = last.put(key, new Reading(pid, ticks, at));
        if (previous == null || previous.pid() != pid || !at.isAfter(previous.at()) || ticks < previous.ticks()) {
            return OptionalDouble.empty();
        }
        double seconds = (at.toEpochMilli() - previous.at().toEpochMilli()) / 1000.0;
        double cpuSeconds = (ticks - previous.ticks()) / (double) ProcStat.TICKS_PER_SECOND;
        return OptionalDouble.of(100.0 * cpuSeconds / seconds);
    }

    void forget(ReplicaKey key) {
        last.remove(key);
    }
}
