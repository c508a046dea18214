package io.chainmonitor.standalone;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

import io.chainmonitor.support.embedded.EmbeddedKafka;
import io.chainmonitor.support.embedded.EmbeddedPostgres;

/** What the launcher prints once every service is healthy: where to go and how long it took. */
record ReadyBanner(String host, Collection<RunningService> services, EmbeddedPostgres postgres, EmbeddedKafka kafka,
        Duration timeToHealthy) {

    String text() {
        StringBuilder text = new StringBuilder("\n\nChain Monitor is ready: all ")
                .append(services.size())
                .append(" services healthy in ")
                .append(String.format(Locale.ROOT, "%.1f s", timeToHealthy.toMillis() / 1000.0))
                .append("\n\n  Dashboard   http://").append(host).append(':')
                .append(services.stream().filter(s -> s.service() == Service.DASHBOARD).findFirst()
                        .map(RunningService::port).orElseThrow())
                .append("/\n\n");
        text.append(String.format(Locale.ROOT, "  %-24s %6s %11s%n", "service", "port", "management"));
        services.stream()
                .sorted(Comparator.comparing(RunningService::service))
                .forEach(s -> text.append(String.format(Locale.ROOT, "  %-24s %6d %11d%n",
                        s.service().serviceName(), s.port(), s.managementPort())));
        text.append("\n  Kafka       ").append(kafka.bootstrapServers())
                .append("\n  PostgreSQL  ").append(postgres.jdbcUrl(StandalonePlatform.DATABASE))
                .append("\n\n  Press Ctrl-C to stop.\n");
        return text.toString();
    }
}
