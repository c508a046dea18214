package io.chainmonitor.wirelistener;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Severity;
import io.chainmonitor.wirelistener.WireListenerProperties.CriticalPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class WireListenerPropertiesTest {

    private static WireListenerProperties with(Map<String, CriticalPolicy> projects) {
        return new WireListenerProperties("127.0.0.1", "127.0.0.1", CriticalPolicy.REFUSE, projects,
                new WireListenerProperties.Limits(1024 * 1024, 1024 * 1024, 16384, 64, 100, Duration.ofSeconds(30),
                        2048, 200, 400, Duration.ofSeconds(10), 262144, 32),
                new WireListenerProperties.Recording(10_000, Duration.ofMinutes(5), 10_000, Severity.HIGH),
                Duration.ofSeconds(10), List.of());
    }

    @Test
    void aProjectsOwnCriticalPolicyWinsOverTheServicesAndOtherProjectsKeepTheServices() {
        WireListenerProperties properties = with(Map.of("p-honey", CriticalPolicy.HONEYPOT));
        assertThat(properties.criticalFor("p-honey")).isEqualTo(CriticalPolicy.HONEYPOT);
        assertThat(properties.criticalFor("p-other")).isEqualTo(CriticalPolicy.REFUSE);
    }

    @Test
    void withoutAnyProjectPolicyTheServicesApplies() {
        assertThat(with(null).criticalFor("p-1")).isEqualTo(CriticalPolicy.REFUSE);
    }
}
