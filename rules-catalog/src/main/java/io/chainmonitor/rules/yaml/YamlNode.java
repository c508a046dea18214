package io.chainmonitor.rules.yaml;

import java.util.List;
import java.util.Map;

/** A YAML node that remembers where it was written, so every complaint can name the file, line and column. */
public sealed interface YamlNode {

    Where where();

    /** What the node is, in the words of a message: "a string", "a list", "a mapping". */
    String kind();

    /** A place in a source. */
    record Where(String source, int line, int column) {
        @Override
        public String toString() {
            return source + ":" + line + ":" + column;
        }
    }

    /** A scalar; {@code string} is false for numbers, booleans and null. */
    record Scalar(Where where, String text, boolean string) implements YamlNode {
        @Override
        public String kind() {
            if (string) {
                return "a string";
            }
            return text == null ? "null" : "the non-string value " + text;
        }
    }

    /** A sequence. */
    record Sequence(Where where, List<YamlNode> items) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping; {@code keys} holds where each key was written, in file order. */
    record Mapping(Where where, Map<String, YamlNode> values, Map<String, Where> keys) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }
}
