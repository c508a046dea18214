package io.chainmonitor.rules.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A window a rule looks back over: a number of blocks (for a metric series, its last samples — one per block for the
 * chain watcher's block metrics) or a span of time taken from the events' own timestamps.
 */
public record Window(Unit unit, long amount) {

    private static final Pattern TEXT = Pattern.compile("(-?\\d+)\\s*(blocks?|ms|s|m|h|d)");

    public Window {
        if (unit == null) {
            throw new IllegalArgumentException("a window needs a unit");
        }
        if (amount < 1) {
            throw new IllegalArgumentException("a window must be positive, was " + amount);
        }
    }

    /** Blocks or time. */
    public enum Unit {
        /** {@code amount} blocks (samples of the series, or block heights of the project). */
        BLOCKS,
        /** {@code amount} milliseconds. */
        MILLIS
    }

    public static Window blocks(long count) {
        return new Window(Unit.BLOCKS, count);
    }

    public static Window millis(long millis) {
        return new Window(Unit.MILLIS, millis);
    }

    public boolean isBlocks() {
        return unit == Unit.BLOCKS;
    }

    /**
     * Parses {@code 12 blocks}, {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or {@code 1d}.
     *
     * @throws IllegalArgumentException saying what is wrong, for the reader to place
     */
    public static Window parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a window such as 12 blocks, 30s, 5m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount < 1) {
            throw new IllegalArgumentException("window '" + text + "' must be positive");
        }
        return switch (matcher.group(2)) {
            case "block", "blocks" -> blocks(amount);
            case "ms" -> millis(amount);
            case "s" -> millis(amount * 1_000);
            case "m" -> millis(amount * 60_000);
            case "h" -> millis(amount * 3_600_000);
            default -> millis(amount * 86_400_000);
        };
    }

    /** The text form {@link #parse} reads back: {@code 12 blocks}, {@code 5m}. */
    @Override
    public String toString() {
        if (unit == Unit.BLOCKS) {
            return amount + (amount == 1 ? " block" : " blocks");
        }
        long[] sizes = {86_400_000, 3_600_000, 60_000, 1_000};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (amount % sizes[i] == 0) {
                return amount / sizes[i] + names[i];
            }
        }
        return amount + "ms";
    }
}
