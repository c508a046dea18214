package io.chainmonitor.rules.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The metric names the platform publishes (chain watcher, spawner, wire listener, PoS), with their units, from the
 * resource {@code rules/metric-vocabulary.txt}; a rule may use no other name.
 */
public final class MetricVocabulary {

    static final String RESOURCE = "rules/metric-vocabulary.txt";

    private static final Map<String, String> UNITS = load();

    private MetricVocabulary() {
    }

    public static boolean contains(String metric) {
        return UNITS.containsKey(metric);
    }

    /** The unit of a metric of the vocabulary, e.g. {@code seconds}. */
    public static Optional<String> unit(String metric) {
        return Optional.ofNullable(UNITS.get(metric));
    }

    /** Every metric name, sorted, with its unit. */
    public static Map<String, String> all() {
        return UNITS;
    }

    private static Map<String, String> load() {
        try (InputStream in = MetricVocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Map<String, String> units = new TreeMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                        String[] parts = line.split("\\s+");
                        units.put(parts[0], parts[1]);
                    });
            return Collections.unmodifiableMap(units);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", e);
        }
    }
}
