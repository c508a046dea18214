package io.chainmonitor.alerts.routing;

import java.util.Locale;
import java.util.regex.Pattern;

import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/**
 * {@code field op value} on a finding: {@code severity}, {@code ruleId}, {@code attack}, {@code replicaId},
 * {@code chain}, {@code status}, {@code fingerprint}, {@code title} or {@code labels.<name>}; a missing field is the
 * empty string, so {@code attack != ""} matches every attack. Regular expressions match the whole value.
 */
public record Matcher(String field, Op op, String value, Pattern pattern) {

    /** The comparisons. */
    public enum Op {
        EQUALS("="), NOT_EQUALS("!="), MATCHES("=~"), NOT_MATCHES("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("op must be one of =, !=, =~, !~");
        }
    }

    static boolean knownField(String field) {
        return field != null && (field.matches("severity|ruleId|attack|replicaId|chain|status|fingerprint|title")
                || field.matches("labels\\.[A-Za-z0-9_.\\-]+"));
    }

    public boolean matches(Finding finding, Severity severity) {
        String actual = valueOf(finding, severity);
        return switch (op) {
            case EQUALS -> actual.equals(value);
            case NOT_EQUALS -> !actual.equals(value);
            case MATCHES -> pattern.matcher(actual).matches();
            case NOT_MATCHES -> !pattern.matcher(actual).matches();
        };
    }

    private String valueOf(Finding finding, Severity severity) {
        String actual = switch (field) {
            case "severity" -> severity.wireName();
            case "ruleId" -> finding.ruleId();
            case "attack" -> finding.attack();
            case "replicaId" -> finding.replicaId();
            case "chain" -> finding.chain().type();
            case "status" -> finding.status().name().toLowerCase(Locale.ROOT);
            case "fingerprint" -> finding.fingerprint();
            case "title" -> finding.title();
            default -> finding.labels().get(field.substring("labels.".length()));
        };
        return actual == null ? "" : actual;
    }
}
