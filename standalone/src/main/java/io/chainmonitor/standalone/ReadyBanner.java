package io.chainmonitor.standalone;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/**
 * What the launcher prints once every service is healthy: where to go and how long it took, from the JVM's start (what
 * a user waits) and from the platform's own start.
 */
record ReadyBanner(String host, Collection<RunningService> services, String kafkaBootstrapServers, String jdbcUrl,
        Duration sinceJvmStart, Duration platformStart) {

    String text() {
        StringBuilder text = new StringBuilder("\n\nChain Monitor is ready: all ")
                .append(services.size())
                .append(" services healthy ")
                .append(String.format(Locale.ROOT, "%.1f s after the JVM started (platform start %.1f s)",
                        seconds(sinceJvmStart), seconds(platformStart)))
                .append("\n\n  Dashboard   http://").append(host).append(':')
                .append(services.stream().filter(s -> s.service() == Service.DASHBOARD).findFirst()
                        .map(RunningService::port).orElseThrow())
                .append("/\n\n");
        text.append(String.format(Locale.ROOT, "  %-24s %6s %11s%n", "service", "port", "management"));
        services.stream()
                .sorted(Comparator.comparing(RunningService::service))
                .forEach(s -> text.append(String.format(Locale.ROOT, "  %-24s %6d %11d%n",
                        s.service().serviceName(), s.port(), s.managementPort())));
        text.append("\n  Kafka       ").append(kafkaBootstrapServers)
                .append("\n  PostgreSQL  ").append(jdbcUrl)
                .append("\n\n  Press Ctrl-C to stop.\n");
        return text.toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
