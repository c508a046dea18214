package io.chainmonitor.alerts.dispatch;

import java.util.Locale;

/** Why a delivery attempt failed: a small fixed set, the only label on delivery metrics. */
public enum FailureReason {
    /** The receiver answered 5xx. */
    SERVER_ERROR,
    /** The receiver answered 429. */
    RATE_LIMITED,
    /** No answer in time. */
    TIMEOUT,
    /** No connection (refused, reset, unreachable). */
    CONNECTION_FAILED,
    /** The receiver answered another 4xx: the request itself is wrong. */
    REJECTED,
    /** The receiver answered with a redirect, which is never followed. */
    REDIRECT_REFUSED,
    /** The destination resolves to an address the SSRF guard refuses. */
    DESTINATION_REFUSED,
    /** The channel is not set up on this platform (no SMTP server, no bot token). */
    NOT_CONFIGURED,
    /** The contact has no address for the channel, or is gone. */
    NO_ADDRESS;

    /** The label value: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
