package io.chainmonitor.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Checks shared by the payload records' compact constructors. */
public final class Fields {

    private static final String ELLIPSIS = "…";

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

    /**
     * An immutable copy that keeps the entries' order (unlike {@link Map#copyOf}, whose order changes from one JVM to
     * the next); a missing map reads as empty, null keys and values are refused.
     */
    public static <K, V> Map<K, V> map(Map<K, V> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "map key"),
                Objects.requireNonNull(value, () -> "value of " + key)));
        return Collections.unmodifiableMap(copy);
    }

    public static long requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * {@code value} cut to at most {@code maxLength} chars, the last of them an ellipsis; never cuts a surrogate pair
     * in two, which would make the text unwritable as UTF-8.
     */
    public static String truncate(String value, int maxLength) {
        if (value == null || value.length() <= maxLength) {
            return value;
        }
        int end = maxLength - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + ELLIPSIS;
    }
}
