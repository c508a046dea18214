package io.chainmonitor.wirelistener.block;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcePrefixTest {

    @Test
    void anAddressIsItsOwnPrefix() throws Exception {
        SourcePrefix one = SourcePrefix.parse("127.0.0.9");
        assertThat(one.text()).isEqualTo("127.0.0.9");
        assertThat(one.contains(InetAddress.getByName("127.0.0.9"))).isTrue();
        assertThat(one.contains(InetAddress.getByName("127.0.0.10"))).isFalse();
    }

    @Test
    void aPrefixIsNormalizedAndContainsItsRange() throws Exception {
        SourcePrefix prefix = SourcePrefix.parse("127.0.5.77/24");
        assertThat(prefix.text()).isEqualTo("127.0.5.0/24");
        assertThat(prefix.contains(InetAddress.getByName("127.0.5.200"))).isTrue();
        assertThat(prefix.contains(InetAddress.getByName("127.0.6.1"))).isFalse();
        assertThat(SourcePrefix.parse("2001:db8::1/32").contains(InetAddress.getByName("2001:db8:ffff::2"))).isTrue();
        assertThat(SourcePrefix.parse("10.0.0.0/8").contains(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void namesAndNonsenseAreRefusedWithoutALookup() {
        for (String bad : new String[]{"example.com", "localhost", "", "127.0.0.1/33", "127.0.0.1/x", "1.2.3.4.5",
                "::g", "/24"}) {
            assertThatThrownBy(() -> SourcePrefix.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
