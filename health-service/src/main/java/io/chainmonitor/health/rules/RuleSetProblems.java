package io.chainmonitor.health.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chainmonitor.rules.model.RuleSetException;
import io.chainmonitor.rules.model.RuleSetException.Reason;

/**
 * Turns the rules catalog's {@link RuleSetException} into a problem response: the reader's message (with the line,
 * column and key of a YAML or JSON body) as the detail, and as members the catalog's {@code reason}, the
 * {@code ruleId}, the {@code line}, {@code column} and {@code key} when known, and the {@code pointer} (RFC 6901)
 * into the body.
 */
final class RuleSetProblems {

    /** {@code source:line:column: key: text}, the reader's way of placing a problem. */
    private static final Pattern PLACED = Pattern.compile("(?s)(.*?):(\\d+):(\\d+): ([^\\s:]+): (.*)");
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final List<Reason> UNREADABLE = List.of(Reason.UNREADABLE, Reason.UNKNOWN_KEY,
            Reason.MISSING_FIELD, Reason.INVALID_VALUE, Reason.INVALID_WINDOW);

    private RuleSetProblems() {
    }

    /**
     * The problem for a rule set read from the body as sent: its lines and columns are the body's.
     *
     * @param ruleIds the ids of the body's rules in order, to point at the rule a conflict names
     */
    static RulesApiException ofBody(RuleSetException e, List<String> ruleIds) {
        return of(e, true, path -> path, ruleIds);
    }

    /**
     * The problem for a document the API assembled around a fragment of the body (a patch, a new rule): its lines
     * are not the body's, so only the key is named, and {@code rebase} turns the document's key path into the body's
     * (null when the problem lies outside the body).
     */
    static RulesApiException ofFragment(RuleSetException e, UnaryOperator<String> rebase) {
        return of(e, false, rebase, List.of());
    }

    private static RulesApiException of(RuleSetException e, boolean placed, UnaryOperator<String> rebase,
            List<String> ruleIds) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("reason", e.reason().name().toLowerCase(Locale.ROOT));
        if (e.ruleId() != null) {
            members.put("ruleId", e.ruleId());
        }
        String detail = e.getMessage();
        Matcher matcher = PLACED.matcher(detail);
        if (matcher.matches()) {
            String key = matcher.group(4);
            boolean isRuleId = key.equals(e.ruleId()) && !key.startsWith("rules[");
            String path = isRuleId ? pathOfRule(key, ruleIds) : rebase.apply(key);
            if (placed) {
                members.put("line", Integer.parseInt(matcher.group(2)));
                members.put("column", Integer.parseInt(matcher.group(3)));
            } else {
                String prefix = isRuleId ? key : path;
                detail = (prefix == null || prefix.isEmpty() ? "" : prefix + ": ") + matcher.group(5);
            }
            if (!isRuleId && path != null) {
                members.put("key", path);
            }
            if (path != null) {
                members.put("pointer", pointer(path));
            }
        } else if (e.ruleId() != null && pathOfRule(e.ruleId(), ruleIds) != null) {
            members.put("pointer", pointer(pathOfRule(e.ruleId(), ruleIds)));
        }
        RulesApiException.Reason reason = UNREADABLE.contains(e.reason())
                ? RulesApiException.Reason.INVALID_RULE_SET
                : RulesApiException.Reason.RULE_SET_REJECTED;
        return new RulesApiException(reason, detail, members);
    }

    /** A conflict without a place (e.g. a retired id found by the API, not the reader), pointing at its rule. */
    static RulesApiException ofRule(RuleSetException e, List<String> ruleIds) {
        return of(e, false, path -> path, ruleIds);
    }

    private static String pathOfRule(String ruleId, List<String> ruleIds) {
        int index = ruleIds.indexOf(ruleId);
        return index < 0 ? null : "rules[" + index + "]";
    }

    /** {@code rules[1].labels.peer} becomes {@code /rules/1/labels/peer}; {@code (root)} the whole body. */
    static String pointer(String path) {
        if ("(root)".equals(path)) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        Matcher matcher = SEGMENT.matcher(path);
        while (matcher.find()) {
            String segment = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
