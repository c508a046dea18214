package io.chainmonitor.support.net;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chainmonitor.support.net.test.FakeDns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundPolicyTest {

    private final OutboundPolicy policy = new OutboundPolicy(List.of(),
            FakeDns.of(Map.of("hooks.example.com", "93.184.216.34", "internal.example.com", "10.20.30.40",
                    "sneaky.example.com", "::ffff:169.254.169.254")));

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook", "http://[::1]:8080/",
            "http://127.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://100.64.0.1/",
            "http://0.0.0.0/", "http://224.0.0.1/", "http://[fc00::1]/", "http://[fd12:3456::1]/",
            "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/", "http://[::ffff:127.0.0.1]/"})
    void internalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> policy.checkUrl(URI.create(url)))
                .isInstanceOf(DestinationRefusedException.class)
                .hasMessageContaining("not on the outbound allow list");
    }

    @Test
    void theMetadataEndpointIsNamedInTheRefusal() {
        assertThatThrownBy(() -> policy.checkUrl(URI.create("http://169.254.169.254/")))
                .hasMessageContaining("cloud metadata endpoint");
    }

    @Test
    void aNameResolvingToAPrivateAddressIsRefusedWithTheAddressAndTheName() {
        assertThatThrownBy(() -> policy.checkUrl(URI.create("https://internal.example.com/hook")))
                .isInstanceOf(DestinationRefusedException.class)
                .hasMessage("destination 10.20.30.40 (resolved from internal.example.com) is private (10.0.0.0/8)"
                        + " and not on the outbound allow list");
    }

    @Test
    void aNameResolvingToAnIpv4MappedMetadataAddressIsRefused() {
        assertThatThrownBy(() -> policy.checkUrl(URI.create("https://sneaky.example.com/")))
                .hasMessageContaining("cloud metadata endpoint");
    }

    @Test
    void aPublicDestinationPasses() {
        assertThatCode(() -> policy.checkUrl(URI.create("https://hooks.example.com/services/T0/B0/x")))
                .doesNotThrowAnyException();
    }

    @Test
    void otherSchemesCredentialsAndUnknownHostsAreRefused() {
        assertThatThrownBy(() -> policy.checkUrl(URI.create("file:///etc/passwd")))
                .hasMessage("only http and https URLs are allowed");
        assertThatThrownBy(() -> policy.checkUrl(URI.create("ftp://hooks.example.com/")))
                .hasMessage("only http and https URLs are allowed");
        assertThatThrownBy(() -> policy.checkUrl(URI.create("https://user:pw@hooks.example.com/")))
                .hasMessage("URLs with credentials in them are not allowed");
        assertThatThrownBy(() -> policy.checkUrl(URI.create("https://nowhere.invalid/")))
                .hasMessage("host nowhere.invalid does not resolve");
    }

    @Test
    void anOperatorAllowListOpensCidrsAndHostNames() throws Exception {
        OutboundPolicy allowing = new OutboundPolicy(List.of("127.0.0.1", "10.20.0.0/16", "internal.example.com"),
                FakeDns.of(Map.of("internal.example.com", "192.168.3.3")));
        assertThat(allowing.resolve("127.0.0.1")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
        assertThat(allowing.resolve("10.20.99.1")).hasSize(1);
        assertThat(allowing.resolve("internal.example.com")).extracting(InetAddress::getHostAddress)
                .containsExactly("192.168.3.3");
        assertThatThrownBy(() -> allowing.resolve("127.0.0.2")).isInstanceOf(DestinationRefusedException.class);
        assertThatThrownBy(() -> allowing.resolve("10.21.0.1")).isInstanceOf(DestinationRefusedException.class);
    }

    @Test
    void everyAddressOfANameMustPass() {
        OutboundPolicy twoFaced = new OutboundPolicy(List.of(),
                host -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")));
        assertThatThrownBy(() -> twoFaced.resolve("rebind.example.com")).hasMessageContaining("10.0.0.7");
    }
}
