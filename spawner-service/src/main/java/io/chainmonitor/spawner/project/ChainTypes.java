package io.chainmonitor.spawner.project;

import java.util.List;
import java.util.Optional;

import io.chainmonitor.rules.chain.ChainType;

/** The chain types projects may pick, as the spawner needs to know them. */
public interface ChainTypes {

    Optional<ChainTypeInfo> find(String id);

    /** The full catalog entry, with its node launch template. */
    Optional<ChainType> definition(String id);

    /** Every chain type id, sorted. */
    List<String> ids();
}
