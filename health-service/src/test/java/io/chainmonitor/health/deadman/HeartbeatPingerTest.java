package io.chainmonitor.health.deadman;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeartbeatPingerTest {

    @Test
    void urlsThePlatformMustNeverCallAreRefusedWithAReason() {
        assertThatThrownBy(() -> HeartbeatPinger.checked(URI.create("file:///etc/passwd")))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> HeartbeatPinger.checked(URI.create("http://169.254.169.254/latest/meta-data")))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> HeartbeatPinger.checked(URI.create("http://[fe80::1]/ping")))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> HeartbeatPinger.checked(URI.create("https://user:pw@hc-ping.example/x")))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> HeartbeatPinger.checked(URI.create("http://0.0.0.0/x")))
                .hasMessageContaining("unspecified");
    }

    @Test
    void anOperatorsLoopbackOrPrivateCheckerIsAllowed() {
        assertThat(HeartbeatPinger.checked(URI.create("http://127.0.0.1:8000/ping/abc")).getPort()).isEqualTo(8000);
        assertThat(HeartbeatPinger.checked(URI.create("https://10.1.2.3/ping")).getHost()).isEqualTo("10.1.2.3");
    }
}
