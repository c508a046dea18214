package io.chainmonitor.alerts.routing;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/**
 * Picks a finding's route: the first route whose severities and matchers all match, so that specific routes (a rule,
 * an attack, a label) placed first override general ones. A policy with tiers and no routes sends everything to all
 * tiers, in order, over every channel.
 */
public final class Router {

    static final String DEFAULT_ROUTE = "default";

    private Router() {
    }

    public static Optional<AlertPolicy.Route> route(AlertPolicy policy, Finding finding, Severity severity) {
        if (policy.routes().isEmpty()) {
            if (policy.tiers().isEmpty()) {
                return Optional.empty();
            }
            List<String> tiers = policy.tiers().stream().map(AlertPolicy.Tier::name).toList();
            return Optional.of(new AlertPolicy.Route(DEFAULT_ROUTE, EnumSet.allOf(Severity.class), List.of(), tiers,
                    EnumSet.allOf(Channel.class)));
        }
        return policy.routes().stream()
                .filter(route -> route.severities().contains(severity))
                .filter(route -> route.matchers().stream().allMatch(matcher -> matcher.matches(finding, severity)))
                .findFirst();
    }
}
