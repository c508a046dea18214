package io.chainmonitor.support.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code sha256=<hex HMAC-SHA256 over "<timestamp>.<body>">} with the contact's secret; the
 * timestamp (Unix seconds) travels in its own header so that a receiver can refuse replays.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-ChainMonitor-Timestamp";
    public static final String SIGNATURE_HEADER = "X-ChainMonitor-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
