package io.chainmonitor.alerts.net;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.chainmonitor.alerts.support.HttpReceiver;
import io.chainmonitor.support.net.DestinationRefusedException;
import io.chainmonitor.support.net.HostResolver;
import io.chainmonitor.support.net.OutboundPolicy;
import io.chainmonitor.support.net.test.FakeDns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedHttpTest {

    private final HttpReceiver receiver = new HttpReceiver();

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void aConnectionGoesToTheCheckedAddressWhileTheHostHeaderStaysTheUrlsName() throws Exception {
        // The name resolves, once, to the allow-listed loopback receiver: the request reaches it under the URL's name.
        OutboundPolicy policy = new OutboundPolicy(List.of("127.0.0.1"),
                FakeDns.of(Map.of("hooks.example.com", "127.0.0.1")));
        try (GuardedHttp http = new GuardedHttp(policy, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            int port = receiver.url("/").getPort();
            GuardedHttp.Reply reply = http.postJson(URI.create("http://hooks.example.com:" + port + "/hook"), Map.of(),
                    "{\"a\":1}");
            assertThat(reply.status()).isEqualTo(200);
        }
        assertThat(receiver.requests()).singleElement().satisfies(request -> {
            assertThat(request.headers().get("host")).isEqualTo("hooks.example.com:" + receiver.url("/").getPort());
            assertThat(request.body()).isEqualTo("{\"a\":1}");
        });
    }

    @Test
    void aRedirectToLoopbackFromAnAllowListedReceiverIsNotFollowed() throws Exception {
        receiver.answer(302, Map.of("Location", "http://127.0.0.1:1/internal"), "");
        OutboundPolicy policy = new OutboundPolicy(List.of("127.0.0.1"), HostResolver.system());
        try (GuardedHttp http = new GuardedHttp(policy, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            GuardedHttp.Reply reply = http.postJson(receiver.url("/hook"), Map.of(), "{}");
            assertThat(reply.status()).isEqualTo(302);
            assertThat(reply.header("Location")).isEqualTo("http://127.0.0.1:1/internal");
        }
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void refusedDestinationsAreNeverConnectedTo() throws Exception {
        OutboundPolicy policy = new OutboundPolicy(List.of(),
                FakeDns.of(Map.of("internal.example.com", "127.0.0.1")));
        int port = receiver.url("/").getPort();
        try (GuardedHttp http = new GuardedHttp(policy, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            for (String url : List.of("http://127.0.0.1:" + port + "/", "http://[::1]:" + port + "/",
                    "http://internal.example.com:" + port + "/", "http://169.254.169.254/latest/meta-data/",
                    "http://10.0.0.1/")) {
                assertThatThrownBy(() -> http.postJson(URI.create(url), Map.of(), "{}")).as(url)
                        .isInstanceOf(DestinationRefusedException.class);
            }
        }
        assertThat(receiver.requests()).isEmpty();
    }
}
