package io.chainmonitor.spawner.project;

import java.util.List;
import java.util.Optional;

/** The chain types projects may pick, as the spawner needs to know them. */
public interface ChainTypes {

    Optional<ChainTypeInfo> find(String id);

    /** Every chain type id, sorted. */
    List<String> ids();
}
