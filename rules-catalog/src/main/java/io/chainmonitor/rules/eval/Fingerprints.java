package io.chainmonitor.rules.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The stable identity of a finding: a hash of rule id, project id and the sorted labels. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** 24 hex digits of SHA-256 over {@code ruleId \n projectId \n k=v \n ...} with the labels sorted by key. */
    public static String of(String ruleId, String projectId, Map<String, String> labels) {
        StringBuilder text = new StringBuilder(ruleId).append('\n').append(projectId);
        new TreeMap<>(labels).forEach((key, value) -> text.append('\n').append(key).append('=').append(value));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(
                    StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
