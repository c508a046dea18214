package io.chainmonitor.alerts.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyParserTest {

    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    private static Finding finding(String ruleId, String attack, Map<String, String> labels) {
        return new Finding("fp", ruleId, attack, Finding.Status.FIRING, "t", "s", new ChainRef("litecoin", 1L, null),
                "r-1", null, labels, List.of(), Instant.parse("2026-11-22T03:15:00Z"), null);
    }

    private final AlertPolicy policy = PolicyParser.parse(new PolicyDocument(
            List.of(new PolicyDocument.TierDoc("on-call", List.of(ALICE)),
                    new PolicyDocument.TierDoc("leads", List.of(BOB))),
            List.of(new PolicyDocument.RouteDoc("attacks", List.of("extreme"),
                    List.of(new PolicyDocument.MatcherDoc("attack", "!=", "")), List.of("on-call", "leads"),
                    List.of("pagerduty", "slack")),
                    new PolicyDocument.RouteDoc("eu-replicas", null,
                            List.of(new PolicyDocument.MatcherDoc("labels.location", "=~", "eu-.*")),
                            List.of("leads"), List.of("email")),
                    new PolicyDocument.RouteDoc("rest", List.of("extreme", "high", "medium"), null,
                            List.of("on-call"), List.of("email"))),
            Map.of("email", "medium"),
            Map.of("high", new PolicyDocument.TimingDoc("30s", null, "2h", null)),
            new PolicyDocument.QuietHoursDoc("22:00", "07:00", "Europe/Berlin")), Set.of(ALICE, BOB));

    @Test
    void theFirstMatchingRouteWinsSoSpecificRoutesOverrideGeneralOnes() {
        assertThat(Router.route(policy, finding("pow.51-percent", "51-percent", Map.of()), Severity.EXTREME))
                .map(AlertPolicy.Route::name).hasValue("attacks");
        assertThat(Router.route(policy, finding("pow.reorg", null, Map.of()), Severity.EXTREME))
                .map(AlertPolicy.Route::name).hasValue("rest");
        assertThat(Router.route(policy, finding("pow.reorg", null, Map.of("location", "eu-west")), Severity.LOW))
                .map(AlertPolicy.Route::name).hasValue("eu-replicas");
        assertThat(Router.route(policy, finding("pow.reorg", null, Map.of()), Severity.LOW)).isEmpty();
    }

    @Test
    void withTiersAndNoRoutesEverythingGoesToAllTiersInOrder() {
        AlertPolicy tiersOnly = PolicyParser.parse(new PolicyDocument(
                List.of(new PolicyDocument.TierDoc("on-call", List.of(ALICE))), null, null, null, null), Set.of(ALICE));
        assertThat(Router.route(tiersOnly, finding("r", null, Map.of()), Severity.LOW)).hasValueSatisfying(route -> {
            assertThat(route.tiers()).containsExactly("on-call");
            assertThat(route.channels()).containsExactlyInAnyOrder(Channel.values());
        });
        assertThat(Router.route(AlertPolicy.EMPTY, finding("r", null, Map.of()), Severity.EXTREME)).isEmpty();
    }

    @Test
    void scheduledReportsGoToTheNamedTiersOrElseToTheFirstTier() {
        List<PolicyDocument.TierDoc> tiers = List.of(new PolicyDocument.TierDoc("on-call", List.of(ALICE)),
                new PolicyDocument.TierDoc("management", List.of(ALICE)));
        assertThat(PolicyParser.parse(new PolicyDocument(tiers, null, null, null, null), Set.of(ALICE)).reportTiers())
                .extracting(AlertPolicy.Tier::name).containsExactly("on-call");
        assertThat(PolicyParser.parse(new PolicyDocument(tiers, null, null, null, null, List.of("management")),
                Set.of(ALICE)).reportTiers()).extracting(AlertPolicy.Tier::name).containsExactly("management");
        assertThat(AlertPolicy.EMPTY.reportTiers()).isEmpty();
        assertRefused(new PolicyDocument(tiers, null, null, null, null, List.of("board")),
                "'reportRecipients[0]' 'board' is not a tier");
        assertRefused(new PolicyDocument(tiers, null, null, null, null, List.of()), "'reportRecipients' must name");
    }

    @Test
    void timingFallsBackToDefaultsPerMemberAndChannelMinimumsApply() {
        assertThat(policy.timing(Severity.HIGH)).isEqualTo(new AlertPolicy.Timing(Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofHours(2), Duration.ofMinutes(15)));
        assertThat(policy.timing(Severity.EXTREME).groupWait()).isZero();
        assertThat(policy.carries(Channel.EMAIL, Severity.LOW)).isFalse();
        assertThat(policy.carries(Channel.EMAIL, Severity.MEDIUM)).isTrue();
        assertThat(policy.carries(Channel.SLACK, Severity.LOW)).isTrue();
    }

    @Test
    void quietHoursSpanMidnightInTheirZone() {
        AlertPolicy.QuietHours quiet = new AlertPolicy.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0),
                ZoneId.of("Europe/Berlin"));
        assertThat(quiet.contains(Instant.parse("2026-11-22T22:30:00Z"))).isTrue(); // 23:30 in Berlin
        assertThat(quiet.contains(Instant.parse("2026-11-22T05:59:00Z"))).isTrue(); // 06:59
        assertThat(quiet.contains(Instant.parse("2026-11-22T06:00:00Z"))).isFalse(); // 07:00
        assertThat(quiet.nextEnd(Instant.parse("2026-11-22T22:30:00Z"))).isEqualTo("2026-11-23T06:00:00Z");
    }

    @Test
    void faultsAreNamedByTheirMember() {
        assertRefused(new PolicyDocument(List.of(new PolicyDocument.TierDoc("t", List.of(UUID.randomUUID()))), null,
                null, null, null), "'tiers[0].contacts[0]' is not a contact of this project");
        assertRefused(new PolicyDocument(List.of(new PolicyDocument.TierDoc("t", List.of(ALICE))),
                List.of(new PolicyDocument.RouteDoc("r", List.of("critical"), null, List.of("t"), List.of("email"))),
                null, null, null), "'routes[0].severities[0]' unknown severity 'critical'");
        assertRefused(new PolicyDocument(List.of(new PolicyDocument.TierDoc("t", List.of(ALICE))),
                List.of(new PolicyDocument.RouteDoc("r", null,
                        List.of(new PolicyDocument.MatcherDoc("labels.x", "=~", "(")), List.of("t"),
                        List.of("email"))),
                null, null, null), "'routes[0].matchers[0].value' is not a regular expression");
        assertRefused(new PolicyDocument(null, null, null,
                Map.of("extreme", new PolicyDocument.TimingDoc("5s", null, null, null)), null),
                "'timing.extreme.groupWait' must be 0s");
        assertRefused(new PolicyDocument(null, null, null,
                Map.of("high", new PolicyDocument.TimingDoc(null, "soon", null, null)), null),
                "'timing.high.groupInterval' is not a duration");
        assertRefused(new PolicyDocument(null, null, null, null,
                new PolicyDocument.QuietHoursDoc("22:00", "07:00", "Mars/Olympus")), "'quietHours.zone'");
    }

    private static void assertRefused(PolicyDocument document, String message) {
        assertThatThrownBy(() -> PolicyParser.parse(document, Set.of(ALICE))).isInstanceOf(AlertsException.class)
                .hasMessageStartingWith(message);
    }
}
