package io.chainmonitor.rules.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Something a rule listens for: a metric sample over a value, an event of the platform, or another rule firing. */
public sealed interface Signal permits Signal.MetricSignal, Signal.EventSignal, Signal.RuleSignal {

    /** A sample of the metric whose value is above {@code above} (0: present and non-zero). */
    record MetricSignal(MetricSelector select, double above) implements Signal {
        public MetricSignal {
            Objects.requireNonNull(select, "select");
        }
    }

    /** An event of one kind whose fields equal the {@code match} values. */
    record EventSignal(EventKind event, Map<String, String> match) implements Signal {
        public EventSignal {
            Objects.requireNonNull(event, "event");
            match = Collections.unmodifiableMap(new TreeMap<>(match));
            for (String key : match.keySet()) {
                if (!event.matchKeys().contains(key)) {
                    throw new IllegalArgumentException(
                            "a " + event.wireName() + " event has no field '" + key + "' to match; it has "
                                    + (event.matchKeys().isEmpty() ? "none" : String.join(", ", event.matchKeys())));
                }
            }
        }
    }

    /** Another rule of the set firing. */
    record RuleSignal(String ruleId) implements Signal {
        public RuleSignal {
            Objects.requireNonNull(ruleId, "ruleId");
        }
    }

    /** The events rules may listen to, and the fields a signal may match on. */
    enum EventKind {
        /** A block that reorganised the chain ({@code ChainBlock.reorg} set). */
        REORG("reorg"),
        /** A wire-listener incident. */
        WIRE_INCIDENT("wire-incident", "classification", "port", "protocol", "method", "critical", "disposition"),
        /** A node log line (the spawner keeps errors and warnings). */
        NODE_LOG("node-log", "level", "stream"),
        /** A replica went offline: stopped, failed or unhealthy. */
        REPLICA_OFFLINE("replica-offline", "state");

        private final String wireName;
        private final List<String> matchKeys;

        EventKind(String wireName, String... matchKeys) {
            this.wireName = wireName;
            this.matchKeys = List.of(matchKeys);
        }

        public String wireName() {
            return wireName;
        }

        public List<String> matchKeys() {
            return matchKeys;
        }

        public static EventKind fromWire(String name) {
            return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not one of "
                            + String.join(", ", Arrays.stream(values()).map(EventKind::wireName).toList())));
        }
    }
}
