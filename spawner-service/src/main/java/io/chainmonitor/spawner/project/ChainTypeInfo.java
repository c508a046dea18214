package io.chainmonitor.spawner.project;

/**
 * What the spawner needs to know about a chain type.
 *
 * @param id the catalog id, such as {@code litecoin-regtest}
 * @param family the chain family, such as {@code bitcoin} or {@code evm}
 * @param consensus {@code pow} or {@code pos}
 * @param executable the node's program name, such as {@code litecoind}: the entry point an archive must hold
 */
public record ChainTypeInfo(String id, String family, String consensus, String executable) {
}
