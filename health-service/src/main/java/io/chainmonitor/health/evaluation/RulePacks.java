package io.chainmonitor.health.evaluation;

import java.util.Optional;

import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.rules.pack.DefaultPacks;

/** Which default pack a project runs while it has no rule set of its own. */
final class RulePacks {

    private final ChainCatalog catalog;

    RulePacks(ChainCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The pack of the chain type as the catalog names it; for a chain type the catalog does not know, the pack named
     * by the project's consensus ({@code pow}, {@code pos}), if any.
     */
    Optional<String> packFor(String chainType, String consensus) {
        Optional<String> pack = catalog.find(chainType).map(ChainType::rulePack);
        if (pack.isEmpty() && consensus != null && DefaultPacks.NAMES.contains(consensus)) {
            return Optional.of(consensus);
        }
        return pack;
    }

    ActiveRules defaultPack(String name) {
        return ActiveRules.defaultPack(DefaultPacks.named(name));
    }
}
