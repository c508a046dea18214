package io.chainmonitor.spawner.runtime.kubernetes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.spawner.runtime.OutputLine;

/** Follows a replica pod's node container log on a virtual thread. */
final class PodLogs {

    private static final Logger log = LoggerFactory.getLogger(PodLogs.class);

    private PodLogs() {
    }

    /**
     * Follows the node container's log (from {@code since}, or from its start) into output lines until the container
     * ends. Kubernetes merges stdout and stderr into one log, so every line counts as stdout.
     */
    static void follow(KubernetesClient client, String namespace, TrackedPod pod, Instant since, Clock clock,
            Consumer<OutputLine> output) {
        Thread.ofVirtual().name("replica-log-" + pod.name()).start(() -> {
            var container = client.pods().inNamespace(namespace).withName(pod.name())
                    .inContainer(PodManifest.NODE);
            try (LogWatch watch = since == null
                    ? container.watchLog()
                    : container.sinceTime(since.toString()).watchLog();
                    BufferedReader reader = new BufferedReader(
                            new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
                long number = 0;
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    OutputLine line = new OutputLine(OutputLine.Stream.STDOUT, ++number, text, clock.instant());
                    output.accept(line);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("replica {}: the log of pod {} ended: {}", pod.key(), pod.name(), e.toString());
            }
        });
    }
}
