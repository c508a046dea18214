package io.chainmonitor.rules.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Samples of one metric whose labels include the given ones (exact values). */
public record MetricSelector(String metric, Map<String, String> labels) {

    public MetricSelector {
        Objects.requireNonNull(metric, "metric");
        // sorted, so that two equal selectors are equal and write the same YAML
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public static MetricSelector of(String metric) {
        return new MetricSelector(metric, Map.of());
    }

    /** True when every label of the selector is on the sample with the same value. */
    public boolean matches(Map<String, String> sampleLabels) {
        if (labels.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (!label.getValue().equals(sampleLabels.get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
