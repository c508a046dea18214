package io.chainmonitor.spawner.runtime.docker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;

import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;
import io.chainmonitor.spawner.runtime.ResourceUsage;

/** One reading of Docker's stats API for a container, as the figures node telemetry publishes. */
final class ContainerStats {

    private ContainerStats() {
    }

    static ResourceUsage read(DockerEngine engine, String containerId, Duration timeout) {
        CompletableFuture<Statistics> first = new CompletableFuture<>();
        ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics statistics) {
                first.complete(statistics);
            }

            @Override
            public void onError(Throwable throwable) {
                first.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                first.completeExceptionally(new IllegalStateException("the engine sent no stats"));
            }
        };
        try (callback) {
            engine.call("read the stats of container " + containerId,
                    client -> client.statsCmd(containerId).withNoStream(true).exec(callback));
            return usage(first.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause
                    ? engine.failure("read the stats of container " + containerId, cause)
                    : new ReplicaRuntimeException(Reason.PLATFORM_ERROR, "no stats: " + e.getCause(), null, e);
        } catch (TimeoutException e) {
            throw new ReplicaRuntimeException(Reason.PLATFORM_ERROR,
                    "docker host " + engine.host() + ": no stats of " + containerId + " within " + timeout, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicaRuntimeException(Reason.PLATFORM_ERROR, "interrupted reading stats", null, e);
        } catch (java.io.IOException e) {
            throw new ReplicaRuntimeException(Reason.PLATFORM_ERROR, "cannot close a stats stream", null, e);
        }
    }

    /** CPU as Docker computes it: the container's share of the host's CPU time between two readings, × CPUs. */
    static ResourceUsage usage(Statistics statistics) {
        Double cpu = cpuPercent(statistics.getCpuStats(), statistics.getPreCpuStats());
        Long memory = statistics.getMemoryStats() == null ? null : statistics.getMemoryStats().getUsage();
        Map<String, StatisticNetworksConfig> networks = statistics.getNetworks();
        Long received = networks == null
                ? null
                : networks.values().stream().mapToLong(n -> n.getRxBytes() == null ? 0 : n.getRxBytes()).sum();
        Long transmitted = networks == null
                ? null
                : networks.values().stream().mapToLong(n -> n.getTxBytes() == null ? 0 : n.getTxBytes()).sum();
        return new ResourceUsage(cpu, memory, received, transmitted);
    }

    private static Double cpuPercent(CpuStatsConfig now, CpuStatsConfig before) {
        if (now == null || before == null || now.getCpuUsage() == null || before.getCpuUsage() == null
                || now.getSystemCpuUsage() == null || before.getSystemCpuUsage() == null
                || now.getCpuUsage().getTotalUsage() == null || before.getCpuUsage().getTotalUsage() == null) {
            return null;
        }
        long container = now.getCpuUsage().getTotalUsage() - before.getCpuUsage().getTotalUsage();
        long system = now.getSystemCpuUsage() - before.getSystemCpuUsage();
        if (system <= 0 || container < 0) {
            return null;
        }
        long cpus = now.getOnlineCpus() == null ? 1 : now.getOnlineCpus();
        return (double) container / system * cpus * 100.0;
    }
}
