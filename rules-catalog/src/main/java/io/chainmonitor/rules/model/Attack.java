package io.chainmonitor.rules.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The attacks a composite rule can name; the names travel in a finding's {@code attack}. */
public enum Attack {
    FIFTY_ONE_PERCENT("51-percent"), SYBIL("sybil"), ECLIPSE("eclipse"), DDOS("ddos"), CONSENSUS_DELAY(
            "consensus-delay"), SPAM("spam"), STAKE_CONCENTRATION("stake-concentration"), SLASHING_WAVE(
                    "slashing-wave"), SUPPLY_DRIFT("supply-drift");

    private final String wireName;

    Attack(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
