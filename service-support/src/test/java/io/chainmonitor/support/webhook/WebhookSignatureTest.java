package io.chainmonitor.support.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() {
        // Computed independently: printf '1795316100.{"a":1}' | openssl dgst -sha256 -hmac whsec-0123456789abcdef
        assertThat(WebhookSignature.sign("whsec-0123456789abcdef", 1795316100L, "{\"a\":1}"))
                .isEqualTo("sha256=8cf2bb9e953341e598613360878606d6b49e31653ff5d4cd128279386b1ab524");
    }

    @Test
    void anyChangeOfTimestampOrBodyChangesIt() {
        String signature = WebhookSignature.sign("whsec-0123456789abcdef", 1795316100L, "{\"a\":1}");
        assertThat(WebhookSignature.sign("whsec-0123456789abcdef", 1795316101L, "{\"a\":1}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("whsec-0123456789abcdef", 1795316100L, "{\"a\":2}")).isNotEqualTo(signature);
    }
}
