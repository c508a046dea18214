package io.chainmonitor.rules.yaml;

/** The ways a strictly read YAML file can be wrong; each module maps them onto its own error reasons. */
public enum YamlProblem {
    /** The file cannot be read, is not YAML, or holds anything but one mapping. */
    UNREADABLE,
    /** A key the format does not know. */
    UNKNOWN_KEY,
    /** A required key is missing, null or empty. */
    MISSING_FIELD,
    /** A value of the wrong type, outside its allowed values or not matching its pattern. */
    INVALID_VALUE
}
