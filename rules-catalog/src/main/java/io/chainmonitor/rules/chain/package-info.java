/**
 * The chain catalog: chain types as data (family, consensus, launch template, RPC method classes, P2P handshake,
 * metrics, default rule pack), read strictly from YAML. See {@code docs/chains.md}.
 */
package io.chainmonitor.rules.chain;
