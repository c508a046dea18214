package io.chainmonitor.rules.chain;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a chain type agrees on blocks; written {@code pow} or {@code pos}. */
public enum Consensus {
    /** Proof of work. */
    POW,
    /** Proof of stake. */
    POS;

    /** The name used in chain type files and in JSON, e.g. {@code pow}. */
    @JsonValue
    public String value() {
        return YamlFields.yamlName(this);
    }
}
