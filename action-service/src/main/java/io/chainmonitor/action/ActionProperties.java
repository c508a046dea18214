package io.chainmonitor.action;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Settings of the action-service, under {@code chain-monitor.action}; every one has a default. */
@Validated
@ConfigurationProperties("chain-monitor.action")
public record ActionProperties(@DefaultValue Outbound outbound) {

    /** Where user-given URLs (partner webhooks, http-call steps) may point. */
    public record Outbound(@DefaultValue List<String> allow) {
    }
}
