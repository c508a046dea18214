package io.chainmonitor.action.inform;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.support.webhook.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdvisoryTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SECRET = "partner-secret-0123456789";
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    private static Finding finding(Finding.Status status) {
        return new Finding("fp-1", "reorg-depth", "double-spend", status, "Deep reorg", "A reorg of 7 blocks",
                new ChainRef("litecoin", 2_800_000L, null), "replica-1",
                new Finding.Evidence("reorg_depth", 7.0, 6.0, "10m", List.of("fork")), Map.of(),
                List.of("raise deposit confirmations", "halt withdrawals"), START,
                status == Finding.Status.RESOLVED ? START.plusSeconds(60) : null);
    }

    @Test
    void theAdvisoryCarriesChainAttackSeverityEvidenceMeasuresAndContact() {
        JsonNode body = json.readTree(SignedAdvisory.sign(json,
                Advisory.of("p1", Severity.EXTREME, finding(Finding.Status.FIRING), "soc@example.org"), SECRET, 1L)
                .body());

        assertThat(body.get("version").asString()).isEqualTo(Advisory.VERSION);
        assertThat(body.get("chain").asString()).isEqualTo("litecoin");
        assertThat(body.get("height").asLong()).isEqualTo(2_800_000L);
        assertThat(body.get("attack").asString()).isEqualTo("double-spend");
        assertThat(body.get("severity").asString()).isEqualTo("extreme");
        assertThat(body.get("evidence").get("value").asDouble()).isEqualTo(7.0);
        assertThat(body.get("contact").asString()).isEqualTo("soc@example.org");
        assertThat(body.get("recommendedMeasures").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "raise deposit confirmations", "halt withdrawals",
                "pause deposits of this chain until the finding resolves");
    }

    @Test
    void theHeadersSignTimestampDotBodyWithThePartnersSecret() {
        SignedAdvisory signed = SignedAdvisory.sign(json,
                Advisory.of("p1", Severity.HIGH, finding(Finding.Status.FIRING), null), SECRET, 1_795_316_100L);

        assertThat(signed.headers()).containsEntry(WebhookSignature.TIMESTAMP_HEADER, "1795316100")
                .containsEntry(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(SECRET, 1_795_316_100L, signed.body()));
        assertThat(signed.headers().get(WebhookSignature.SIGNATURE_HEADER))
                .isNotEqualTo(WebhookSignature.sign("another-secret-0123456789", 1_795_316_100L, signed.body()));
    }

    @Test
    void aResolvedFindingGetsNoAdvisory() {
        assertThatThrownBy(() -> Advisory.of("p1", Severity.HIGH, finding(Finding.Status.RESOLVED), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWebhookWithoutASecretIsRefused() {
        Advisory advisory = Advisory.of("p1", Severity.HIGH, finding(Finding.Status.FIRING), null);

        assertThatThrownBy(() -> SignedAdvisory.sign(json, advisory, " ", 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
