package io.chainmonitor.alerts.dispatch;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The ways a contact can be told. */
public enum Channel {
    EMAIL, SLACK, WEBHOOK, PAGERDUTY, TELEGRAM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel fromWire(String value) {
        for (Channel channel : values()) {
            if (channel.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return channel;
            }
        }
        throw new IllegalArgumentException(
                "unknown channel '" + value + "', expected one of email, slack, webhook, pagerduty, telegram");
    }
}
