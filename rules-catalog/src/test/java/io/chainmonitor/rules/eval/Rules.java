package io.chainmonitor.rules.eval;

import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.yaml.RuleSetReader;

/** Rule sets for tests, written as the YAML rules of a {@code test} pack. */
final class Rules {

    private Rules() {
    }

    /** {@code rules} is the indented YAML list under {@code rules:}. */
    static RuleSetDefinition of(String rules) {
        return RuleSetReader.read("test.yaml", "pack: test\nrules:\n" + rules.stripIndent().indent(2));
    }

    /** One rule's YAML with the keys every rule needs filled in. */
    static String rule(String id, String kind, String body) {
        return "- id: " + id + "\n  kind: " + kind + "\n  title: " + id + "\n  description: Test rule " + id
                + ".\n  severity: high\n" + body.stripIndent().indent(2);
    }
}
