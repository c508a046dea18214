/**
 * The wire listener's attack signatures, read strictly from {@code wire/signatures.yaml}: what an unrecognized or
 * critical request on a replica's public port is, how severe it is and what to do about it.
 */
package io.chainmonitor.rules.wire;
