/**
 * The {@code ChainClient} SPI: one way to read a node's chain and status whatever its family. Implementations live in
 * {@code adapters.evm} (web3j) and {@code adapters.bitcoin} (Bitcoin Core family JSON-RPC); {@link ChainClients}
 * opens the one a chain type needs.
 */
package io.chainmonitor.adapters;
