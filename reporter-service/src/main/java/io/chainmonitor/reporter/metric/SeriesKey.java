package io.chainmonitor.reporter.metric;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One series: a metric of one replica of one project with one set of labels. */
record SeriesKey(String projectId, String metric, String replicaId, String labelsKey) {

    /**
     * The labels in one canonical text, whatever order the producer wrote them in: {@code k=v} pairs sorted by key,
     * joined by commas, with backslash, comma and equals sign escaped so that two label sets never share a key.
     */
    static String labelsKey(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream()
                .map(e -> escape(e.getKey()) + "=" + escape(e.getValue()))
                .collect(Collectors.joining(","));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }
}
