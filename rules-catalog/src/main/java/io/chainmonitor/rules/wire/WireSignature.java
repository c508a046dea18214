package io.chainmonitor.rules.wire;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.chainmonitor.events.Severity;

/**
 * One attack signature: what it matches, what it is, how severe and what to do. Method names and path prefixes
 * match ignoring case, since a probe with odd casing is the same probe.
 *
 * @param id stable identifier, e.g. {@code fund-theft.node-keys}
 * @param category what the attacker is after
 * @param severity the tier of a finding raised on the first occurrence; {@code low} records the incident only
 * @param title a few words for people
 * @param description what it means, for people
 * @param mitigation what an operator should do
 * @param methods JSON-RPC methods (lower case) this signature is about
 * @param methodPrefixes method prefixes (lower case), e.g. {@code personal_}
 * @param paths HTTP path prefixes (lower case), e.g. {@code /.env}
 * @param detectors observations this signature is about when no method or path names it
 */
public record WireSignature(String id, Category category, Severity severity, String title, String description,
        String mitigation, Set<String> methods, List<String> methodPrefixes, List<String> paths,
        Set<Detector> detectors) {

    public WireSignature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        methods = methods.stream().map(m -> m.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        methodPrefixes = methodPrefixes.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
        paths = paths.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        detectors = Set.copyOf(detectors);
    }

    /** True when this signature names the method, exactly or by prefix. */
    boolean matchesMethod(String lowerCaseMethod) {
        if (methods.contains(lowerCaseMethod)) {
            return true;
        }
        for (String prefix : methodPrefixes) {
            if (lowerCaseMethod.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** True when this signature names a prefix of the path. */
    boolean matchesPath(String lowerCasePath) {
        for (String prefix : paths) {
            if (lowerCasePath.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
