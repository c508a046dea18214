package io.chainmonitor.health.rules;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.rules.chain.UnknownChainTypeException;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.pack.DefaultPacks;

/** The chain catalog (built-in plus operator files) and the default rule pack each chain type starts from. */
@Component
class ChainRulePacks {

    private final ChainCatalog catalog;

    ChainRulePacks(ChainCatalog catalog) {
        this.catalog = catalog;
    }

    /** The default pack of a chain type; an unknown one is refused with the valid ids. */
    RuleSetDefinition defaultPack(String chainType) {
        return DefaultPacks.forChainType(chainType(chainType));
    }

    /**
     * The default pack of a project: its chain type's, or — for a chain type this service's catalog lacks (an
     * operator file only the spawner has) — the pack named by the project's consensus.
     */
    RuleSetDefinition defaultPack(RulesProject project) {
        return catalog.find(project.chainType()).map(DefaultPacks::forChainType)
                .or(() -> Optional.ofNullable(project.consensus()).filter(DefaultPacks.NAMES::contains)
                        .map(DefaultPacks::named))
                .orElseThrow(() -> new RulesApiException(RulesApiException.Reason.UNKNOWN_CHAIN_TYPE, "project "
                        + project.id() + " has chain type '" + project.chainType() + "', which the chain catalog of "
                        + "the health service does not hold; valid chain types: " + String.join(", ", catalog.ids()),
                        Map.of("validChainTypes", catalog.ids())));
    }

    ChainType chainType(String id) {
        try {
            return catalog.require(id);
        } catch (UnknownChainTypeException e) {
            throw new RulesApiException(RulesApiException.Reason.UNKNOWN_CHAIN_TYPE, e.getMessage(),
                    Map.of("validChainTypes", e.validIds()));
        }
    }
}
