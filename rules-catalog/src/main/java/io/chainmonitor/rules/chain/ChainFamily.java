package io.chainmonitor.rules.chain;

import com.fasterxml.jackson.annotation.JsonValue;

/** The protocol family of a chain type; written {@code evm} or {@code bitcoin} in chain type files. */
public enum ChainFamily {
    /** Ethereum JSON-RPC nodes: anvil, geth and their kin. */
    EVM,
    /** Bitcoin Core and its forks: bitcoind, litecoind. */
    BITCOIN;

    /** The name used in chain type files and in JSON, e.g. {@code bitcoin}. */
    @JsonValue
    public String value() {
        return YamlFields.yamlName(this);
    }
}
