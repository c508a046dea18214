package io.chainmonitor.health.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} precondition on a rule set's version: absent (no precondition), {@code *} (any current version)
 * or one version as the ETag {@code "3"} the API sends (bare {@code 3} and weak {@code W/"3"} are taken too, for
 * hand-written CI scripts).
 */
record IfMatch(Long version) {

    static final IfMatch NONE = new IfMatch(null);
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    static IfMatch parse(String header) {
        if (header == null || header.isBlank() || "*".equals(header.strip())) {
            return NONE;
        }
        Matcher matcher = TAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw new RulesApiException(RulesApiException.Reason.INVALID_REQUEST, "If-Match must be the rule set's "
                    + "version as its ETag, e.g. \"3\"; was " + header);
        }
        return new IfMatch(Long.parseLong(matcher.group(1)));
    }

    /** Refuses the change with 412 when the precondition names another version than {@code current}. */
    void check(long current) {
        if (version != null && version != current) {
            throw new RulesApiException(RulesApiException.Reason.VERSION_MISMATCH, "If-Match names version "
                    + version + " but the current rule set is version " + current
                    + "; get it again, apply your change and retry", Map.of("currentVersion", current));
        }
    }

    /** The ETag of a version. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
