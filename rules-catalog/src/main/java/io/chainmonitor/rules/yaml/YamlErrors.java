package io.chainmonitor.rules.yaml;

/** Turns a YAML problem into the reading module's own exception, so each format keeps its error vocabulary. */
@FunctionalInterface
public interface YamlErrors {

    /** The exception to throw; {@code cause} may be null. */
    RuntimeException error(YamlProblem problem, String message, Throwable cause);

    /** The exception for a problem at a place: the message reads {@code file:line:column: key: problem}. */
    default RuntimeException at(YamlProblem problem, YamlNode.Where where, String key, String text) {
        return error(problem, where + ": " + key + ": " + text, null);
    }
}
