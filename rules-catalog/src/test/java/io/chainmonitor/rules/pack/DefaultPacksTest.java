package io.chainmonitor.rules.pack;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.chainmonitor.events.Severity;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.rules.model.Attack;
import io.chainmonitor.rules.model.CompositeRule;
import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleSetDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default packs: one per consensus, chosen by the chain type, with the attack signatures the issue names. */
class DefaultPacksTest {

    static final List<ChainType> BUILT_IN = ChainCatalog.builtIn().all();

    @ParameterizedTest
    @FieldSource("BUILT_IN")
    void aChainTypeGetsThePackItNames(ChainType type) {
        RuleSetDefinition pack = DefaultPacks.forChainType(type);

        assertThat(pack.pack()).isEqualTo(type.rulePack());
        assertThat(pack.rules()).allSatisfy(rule -> assertThat(rule.id()).startsWith(type.rulePack() + "."));
    }

    @Test
    void thePowPackNamesItsSixAttacksAndTheFiftyOnePercentOneIsExtreme() {
        RuleSetDefinition pow = DefaultPacks.named("pow");

        assertThat(attacks(pow)).containsExactlyInAnyOrder(Attack.FIFTY_ONE_PERCENT, Attack.DDOS, Attack.SYBIL,
                Attack.ECLIPSE, Attack.CONSENSUS_DELAY, Attack.SPAM);
        assertThat(pow.rules()).filteredOn(rule -> rule instanceof CompositeRule c
                && c.attack() == Attack.FIFTY_ONE_PERCENT).singleElement()
                .satisfies(rule -> assertThat(rule.header().severity()).isEqualTo(Severity.EXTREME));
    }

    @Test
    void thePosPackNamesItsFourAttacks() {
        assertThat(attacks(DefaultPacks.named("pos"))).containsExactlyInAnyOrder(Attack.STAKE_CONCENTRATION,
                Attack.SLASHING_WAVE, Attack.SUPPLY_DRIFT, Attack.DDOS);
    }

    @Test
    void everyRuleOfAPackIsEnabledAndDescribed() {
        for (String name : DefaultPacks.NAMES) {
            assertThat(DefaultPacks.named(name).rules()).extracting(Rule::header).allSatisfy(header -> {
                assertThat(header.enabled()).isTrue();
                assertThat(header.description()).endsWith(".");
            });
        }
    }

    @Test
    void anUnknownPackIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> DefaultPacks.named("pob")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no default rule pack 'pob'; packs: pow, pos");
    }

    private static List<Attack> attacks(RuleSetDefinition pack) {
        return pack.rules().stream().filter(CompositeRule.class::isInstance).map(r -> ((CompositeRule) r).attack())
                .toList();
    }
}
