package io.chainmonitor.alerts.silence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.alerts.routing.PolicyDocument;

/** A silence as the API shows it; {@code active} is computed at the time of the request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SilenceView(UUID id, List<PolicyDocument.MatcherDoc> matchers, Instant startsAt, Instant endsAt,
        String comment, String createdBy, boolean active) {
}
