package io.chainmonitor.rules.model;

/** One rule of a rule set: a metric rule (threshold, percentage change, on/off event) or a composite. */
public sealed interface Rule permits ThresholdRule, ChangeRule, EventRule, CompositeRule {

    RuleHeader header();

    default String id() {
        return header().id();
    }

    /** The kind as written in YAML: threshold, change, event or composite. */
    String kind();
}
