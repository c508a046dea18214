/**
 * The default rule packs, one per consensus (PoW, PoS).
 */
package io.chainmonitor.rules.pack;
