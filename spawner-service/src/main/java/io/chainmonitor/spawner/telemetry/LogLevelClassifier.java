package io.chainmonitor.spawner.telemetry;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gives a node's output line a level when it is a warning or an error, from the formats of the nodes the platform
 * runs: Bitcoin Core family ({@code ERROR: …}, {@code Error: …}, {@code Warning: …}, {@code [error]}), geth
 * ({@code ERROR[…]}, {@code WARN [ …]}, {@code CRIT […]}), anvil and other Rust nodes (tracing's {@code  ERROR }/
 * {@code  WARN } after a timestamp, clap's {@code error: …}, {@code Error: …} on a failed start, {@code RPC request
 * failed:}). Other lines are not kept.
 */
final class LogLevelClassifier {

    static final String ERROR = "error";
    static final String WARNING = "warning";

    private static final Pattern ERRORS = Pattern.compile(
            "^(?:\\S+\\s+)?(?:ERROR|CRIT|FATAL|EXCEPTION)(?:\\[|:|\\s)"
                    + "|^\\s*(?:Error|error|RPC request failed):"
                    + "|\\[(?:error|fatal)]"
                    + "|\\bERROR:");
    private static final Pattern WARNINGS = Pattern.compile(
            "^(?:\\S+\\s+)?WARN(?:ING)?(?:\\[|:|\\s)"
                    + "|^\\s*(?:Warning|warning):"
                    + "|\\[(?:warn|warning)]"
                    + "|\\bWARNING:");

    private LogLevelClassifier() {
    }

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    /** The line's level, {@link #ERROR} or {@link #WARNING}, or empty for any other line; colours are ignored. */
    static Optional<String> classify(String raw) {
        String line = ANSI.matcher(raw).replaceAll("");
        if (ERRORS.matcher(line).find()) {
            return Optional.of(ERROR);
        }
        if (WARNINGS.matcher(line).find()) {
            return Optional.of(WARNING);
        }
        return Optional.empty();
    }
}
