package io.chainmonitor.rules.wire;

import io.chainmonitor.rules.yaml.StrictMapping;

/** What an attacker is after; written {@code credential-theft}, {@code fund-theft}, … in the signature file. */
public enum Category {
    /** Unlocking or brute-forcing node-held accounts and wallets. */
    CREDENTIAL_THEFT,
    /** Moving or signing funds with keys the node holds. */
    FUND_THEFT,
    /** Changing the node itself: admin calls, peer injection, shutting it down. */
    NODE_TAKEOVER,
    /** Finding out what the node is and what it serves. */
    RECONNAISSANCE,
    /** Tiring the node or the listener out. */
    DENIAL_OF_SERVICE,
    /** Speaking the wrong protocol, or the right one wrongly. */
    PROTOCOL_ABUSE;

    /** The name in the signature file and in incidents, e.g. {@code fund-theft}. */
    public String value() {
        return StrictMapping.yamlName(this);
    }
}
