package io.chainmonitor.alerts.silence;

import java.util.List;

import io.chainmonitor.alerts.routing.PolicyDocument;

/**
 * A silence as the API takes it: matchers, and either an end time or a duration such as {@code 2h}; it starts now
 * unless {@code startsAt} says later.
 */
record SilenceRequest(List<PolicyDocument.MatcherDoc> matchers, String startsAt, String endsAt, String duration,
        String comment) {
}
