package io.chainmonitor.rules.chain;

/** The protocol family of a chain type; written {@code evm} or {@code bitcoin} in chain type files. */
public enum ChainFamily {
    /** Ethereum JSON-RPC nodes: anvil, geth and their kin. */
    EVM,
    /** Bitcoin Core and its forks: bitcoind, litecoind. */
    BITCOIN
}
