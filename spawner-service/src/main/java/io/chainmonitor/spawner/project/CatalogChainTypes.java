package io.chainmonitor.spawner.project;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.ChainType;

/** The chain types of the platform's chain catalog ({@code rules-catalog}), as the spawner needs them. */
@Component
class CatalogChainTypes implements ChainTypes {

    private final ChainCatalog catalog;

    CatalogChainTypes() {
        this.catalog = ChainCatalog.builtIn();
    }

    @Override
    public Optional<ChainTypeInfo> find(String id) {
        return catalog.find(id).map(CatalogChainTypes::info);
    }

    @Override
    public Optional<ChainType> definition(String id) {
        return catalog.find(id);
    }

    @Override
    public List<String> ids() {
        return catalog.ids().stream().sorted().toList();
    }

    private static ChainTypeInfo info(ChainType chain) {
        return new ChainTypeInfo(chain.id(), chain.family().name().toLowerCase(Locale.ROOT),
                chain.consensus().name().toLowerCase(Locale.ROOT), chain.node().executable());
    }
}
