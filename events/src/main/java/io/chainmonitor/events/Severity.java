package io.chainmonitor.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The four severity tiers, ordered from the most to the least severe. */
public enum Severity {
    EXTREME("extreme", "Extreme"), HIGH("high", "High"), MEDIUM("medium", "Medium"), LOW("low", "Low/Info");

    private final String wireName;
    private final String label;

    Severity(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    /** The value carried in the envelope's {@code severity} attribute. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The name shown to people. */
    public String label() {
        return label;
    }

    /** True when this tier is the same as or more severe than {@code other}. */
    public boolean isAtLeast(Severity other) {
        return compareTo(other) <= 0;
    }

    /** Parses a wire name; case-insensitive, so that "HIGH" from a config file is accepted too. */
    @JsonCreator
    public static Severity fromWire(String value) {
        if (value != null) {
            String normalized = value.trim().toLowerCase(Locale.ROOT);
            for (Severity severity : values()) {
                if (severity.wireName.equals(normalized)) {
                    return severity;
                }
            }
        }
        throw new IllegalArgumentException("unknown severity '" + value + "', expected one of "
                + Arrays.stream(values()).map(Severity::wireName).collect(Collectors.joining(", ")));
    }
}
