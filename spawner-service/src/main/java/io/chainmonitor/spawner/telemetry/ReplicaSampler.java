package io.chainmonitor.spawner.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.chain.MetricBatch.Sample;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.ResourceUsage;
import io.chainmonitor.spawner.runtime.RunningReplica;

/** Takes one replica's system samples: its process and every descendant, its data directory, its namespace. */
final class ReplicaSampler {

    static final String PRODUCER = "spawner";
    private static final Map<String, String> NAMESPACE_WIDE = Map.of("scope", "network-namespace");

    private final ProcFileSystem proc;
    private final CpuMeter cpu = new CpuMeter();

    ReplicaSampler(ProcFileSystem proc) {
        this.proc = proc;
    }

    MetricBatch sample(RunningReplica replica, long suppressedLogLines, Instant now) {
        return sample(replica, suppressedLogLines, now, Optional.empty());
    }

    /** As {@link #sample(RunningReplica, long, Instant)}, with what the platform measured when /proc cannot say. */
    MetricBatch sample(RunningReplica replica, long suppressedLogLines, Instant now, Optional<ResourceUsage> usage) {
        List<Sample> samples = new ArrayList<>();
        Optional<ProcStat> tree = replica.state() == ReplicaState.RUNNING && replica.pid() != null
                ? treeStat(replica.pid())
                : Optional.empty();
        boolean measured = tree.isEmpty() && usage.isPresent() && replica.state() == ReplicaState.RUNNING;
        samples.add(new Sample("node.up", tree.isPresent() || measured ? 1 : 0, "boolean", null));
        if (measured) {
            platformSamples(usage.get(), samples);
        }
        tree.ifPresentOrElse(stat -> {
            cpu.percent(replica.key(), replica.pid(), stat.cpuTicks(), now)
                    .ifPresent(percent -> samples.add(new Sample("node.cpu.percent", percent, "percent", null)));
            samples.add(new Sample("node.memory.rss_bytes", stat.rssBytes(), "bytes", null));
            samples.add(new Sample("node.threads", stat.threads(), "threads", null));
            proc.netDev(replica.pid()).ifPresent(net -> {
                samples.add(new Sample("node.netns.receive_bytes", net.receivedBytes(), "bytes", NAMESPACE_WIDE));
                samples.add(new Sample("node.netns.transmit_bytes", net.transmittedBytes(), "bytes", NAMESPACE_WIDE));
            });
        }, () -> cpu.forget(replica.key()));
        samples.add(new Sample("node.disk.used_bytes", DiskUsage.bytes(replica.dataDirectory()), "bytes", null));
        samples.add(new Sample("node.output.dropped_lines", replica.droppedOutputLines(), "lines", null));
        samples.add(new Sample("node.log.suppressed_lines", suppressedLogLines, "lines", null));
        return new MetricBatch(replica.key().replicaId(), replica.chainType(), null, null, now, PRODUCER, samples);
    }

    private static void platformSamples(ResourceUsage usage, List<Sample> samples) {
        if (usage.cpuPercent() != null) {
            samples.add(new Sample("node.cpu.percent", usage.cpuPercent(), "percent", null));
        }
        if (usage.memoryBytes() != null) {
            samples.add(new Sample("node.memory.rss_bytes", usage.memoryBytes(), "bytes", null));
        }
        if (usage.receivedBytes() != null) {
            samples.add(new Sample("node.netns.receive_bytes", usage.receivedBytes(), "bytes", NAMESPACE_WIDE));
        }
        if (usage.transmittedBytes() != null) {
            samples.add(new Sample("node.netns.transmit_bytes", usage.transmittedBytes(), "bytes", NAMESPACE_WIDE));
        }
    }

    /** The process's figures plus those of all its descendants (a node's helper processes count too). */
    private Optional<ProcStat> treeStat(long pid) {
        Optional<ProcStat> root = proc.stat(pid);
        if (root.isEmpty()) {
            return root;
        }
        ProcStat total = root.get();
        for (ProcessHandle child : ProcessHandle.of(pid).map(handle -> handle.descendants().toList())
                .orElse(List.of())) {
            total = proc.stat(child.pid()).map(total::plus).orElse(total);
        }
        return Optional.of(total);
    }
}
