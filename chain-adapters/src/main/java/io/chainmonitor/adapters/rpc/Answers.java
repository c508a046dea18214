package io.chainmonitor.adapters.rpc;

import java.math.BigDecimal;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.adapters.ChainClientException;

/** Reading fields out of node answers, where anything missing or of the wrong type is a malformed answer. */
public final class Answers {

    private Answers() {
    }

    /**
     * Runs the decoding of {@code method}'s answer; any failure in it (a missing field, a wrong type, a number that
     * does not parse) becomes {@link ChainClientException.Malformed}, while client failures pass unchanged.
     */
    public static <T> T decode(String method, Supplier<T> decoding) {
        try {
            return decoding.get();
        } catch (ChainClientException failure) {
            throw failure;
        } catch (RuntimeException e) {
            // Decoding is pure data conversion: whatever breaks in it means the answer is not what was promised.
            throw new ChainClientException.Malformed(method, method + ": unexpected answer: " + e.getMessage(), e);
        }
    }

    /** {@code value}, or a {@link BadAnswer} naming the missing {@code field}. */
    public static <T> T require(T value, String field) {
        if (value == null) {
            throw new BadAnswer("missing field " + field);
        }
        return value;
    }

    /** The member {@code field} of {@code node}; missing or JSON {@code null} is a {@link BadAnswer}. */
    public static JsonNode field(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BadAnswer("missing field " + field);
        }
        return value;
    }

    /** A string member. */
    public static String text(JsonNode node, String field) {
        JsonNode value = field(node, field);
        if (!value.isString()) {
            throw new BadAnswer("field " + field + " is not a string: " + value);
        }
        return value.stringValue();
    }

    /** An integral number member. */
    public static long integer(JsonNode node, String field) {
        JsonNode value = field(node, field);
        if (!value.isIntegralNumber()) {
            throw new BadAnswer("field " + field + " is not an integer: " + value);
        }
        return value.longValue();
    }

    /** A number member, exact (JSON decimals are read as {@link BigDecimal}). */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = field(node, field);
        if (!value.isNumber()) {
            throw new BadAnswer("field " + field + " is not a number: " + value);
        }
        return value.decimalValue();
    }
}
