package io.chainmonitor.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Checks shared by the payload records' compact constructors. */
public final class Fields {

    private Fields() {
    }

    /** Returns {@code value} if it has text, otherwise fails naming the field. */
    public static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    public static <T> T require(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is required");
    }

    /** An immutable copy; a missing list reads as empty. */
    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** An immutable copy; a missing map reads as empty. */
    public static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }

    public static long requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }
}
