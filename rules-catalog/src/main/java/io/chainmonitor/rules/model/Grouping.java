package io.chainmonitor.rules.model;

/** What a rule keeps one state for and reports one finding about: each replica, or the project as a whole. */
public enum Grouping {
    REPLICA, PROJECT
}
