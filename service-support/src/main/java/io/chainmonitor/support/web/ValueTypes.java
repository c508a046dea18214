package io.chainmonitor.support.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a value should look like, in words a caller understands, never a Java class name. */
final class ValueTypes {

    private static final Map<Class<?>, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(String.class, "a string"),
            Map.entry(Integer.class, "a whole number"),
            Map.entry(int.class, "a whole number"),
            Map.entry(Long.class, "a whole number"),
            Map.entry(long.class, "a whole number"),
            Map.entry(Short.class, "a whole number"),
            Map.entry(short.class, "a whole number"),
            Map.entry(BigInteger.class, "a whole number"),
            Map.entry(Double.class, "a number"),
            Map.entry(double.class, "a number"),
            Map.entry(Float.class, "a number"),
            Map.entry(float.class, "a number"),
            Map.entry(BigDecimal.class, "a number"),
            Map.entry(Boolean.class, "true or false"),
            Map.entry(boolean.class, "true or false"),
            Map.entry(UUID.class, "a UUID"),
            Map.entry(URI.class, "a URI"),
            Map.entry(Instant.class, "an ISO-8601 time such as 2026-01-31T12:00:00Z"),
            Map.entry(OffsetDateTime.class, "an ISO-8601 time such as 2026-01-31T12:00:00Z"),
            Map.entry(ZonedDateTime.class, "an ISO-8601 time such as 2026-01-31T12:00:00Z"),
            Map.entry(LocalDate.class, "an ISO-8601 date such as 2026-01-31"),
            Map.entry(Duration.class, "an ISO-8601 duration such as PT30S"));

    private ValueTypes() {
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return DESCRIPTIONS.getOrDefault(type, "a value of another type");
    }
}
