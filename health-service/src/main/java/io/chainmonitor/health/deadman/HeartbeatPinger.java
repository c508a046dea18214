package io.chainmonitor.health.deadman;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.chainmonitor.health.HealthProperties;

/**
 * Pings an external heartbeat URL (Healthchecks style) while the platform runs, so that someone outside notices
 * when the monitor itself is down: {@code GET <url>} when all is well, {@code GET <url>/fail} while the dead man's
 * switch has a silence open. Off unless {@code chain-monitor.health.dead-man.ping-url} is set. The URL is the
 * operator's, checked once at start: http or https, no credentials in it, never a link-local, metadata,
 * multicast or unspecified address (loopback and private addresses are allowed: a self-hosted checker may live
 * there).
 */
@Component
class HeartbeatPinger {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatPinger.class);

    private final URI url;
    private final HealthProperties.DeadMan settings;
    private final DeadMansSwitch deadMan;
    private final HttpClient client;
    private final Counter pings;
    private final Counter failures;

    HeartbeatPinger(HealthProperties properties, DeadMansSwitch deadMan, MeterRegistry meters) {
        this.settings = properties.deadMan();
        this.url = settings.pingUrl() == null ? null : checked(settings.pingUrl());
        this.deadMan = deadMan;
        this.client = HttpClient.newBuilder().connectTimeout(settings.pingTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.pings = Counter.builder("cm.health.heartbeat.pings").register(meters);
        this.failures = Counter.builder("cm.health.heartbeat.ping.failures").register(meters);
    }

    /** Refuses a URL the platform must never call; the message says why. */
    static URI checked(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "chain-monitor.health.dead-man.ping-url must be an http or https URL, not " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "chain-monitor.health.dead-man.ping-url must not carry credentials; put a token in the path");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException("chain-monitor.health.dead-man.ping-url has no host: " + url);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (address.isLinkLocalAddress() || address.isMulticastAddress() || address.isAnyLocalAddress()) {
                    throw new IllegalArgumentException("chain-monitor.health.dead-man.ping-url points at "
                            + address.getHostAddress() + ", a link-local, multicast or unspecified address "
                            + "(cloud metadata lives there); refused");
                }
            }
        } catch (UnknownHostException e) {
            // The name may resolve later; every ping is made to whatever it resolves to then, and fails if nothing.
            LOG.warn("Heartbeat URL host {} does not resolve yet", url.getHost());
        }
        return url;
    }

    @Scheduled(fixedDelayString = "${chain-monitor.health.dead-man.ping-interval:1m}")
    void ping() {
        if (url == null) {
            return;
        }
        boolean failing = deadMan.anySilence();
        URI target = failing ? URI.create(url.toString().replaceAll("/+$", "") + "/fail") : url;
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(target).timeout(settings.pingTimeout())
                    .header("User-Agent", "chain-monitor-health").GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            pings.increment();
            if (response.statusCode() >= 300) {
                failures.increment();
                LOG.warn("Heartbeat URL answered {}", response.statusCode());
            }
        } catch (IOException e) {
            failures.increment();
            LOG.warn("Heartbeat URL could not be reached: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
