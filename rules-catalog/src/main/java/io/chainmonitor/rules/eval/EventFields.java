package io.chainmonitor.rules.eval;

import java.util.Locale;
import java.util.Map;

import io.chainmonitor.events.node.NodeLogLine;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.rules.model.Signal.EventSignal;

/** The fields an event signal matches on, read from the event records; values compare without regard to case. */
final class EventFields {

    private EventFields() {
    }

    static boolean matches(EventSignal signal, Object event) {
        for (Map.Entry<String, String> expected : signal.match().entrySet()) {
            String actual = field(event, expected.getKey());
            if (actual == null || !actual.equalsIgnoreCase(expected.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static String field(Object event, String key) {
        return switch (event) {
            case WireIncident incident -> switch (key) {
                case "classification" -> incident.classification();
                case "port" -> incident.port().name();
                case "protocol" -> incident.protocol();
                case "method" -> incident.method();
                case "critical" -> Boolean.toString(incident.critical());
                case "disposition" -> incident.disposition().name();
                default -> null;
            };
            case NodeLogLine line -> switch (key) {
                case "level" -> line.level();
                case "stream" -> line.stream().name();
                default -> null;
            };
            case ReplicaLifecycle lifecycle -> "state".equals(key) ? lifecycle.state().name() : null;
            default -> null;
        };
    }

    /** True for the replica states the rules call offline. */
    static boolean offline(ReplicaLifecycle.State state) {
        return state == ReplicaLifecycle.State.STOPPED || state == ReplicaLifecycle.State.FAILED
                || state == ReplicaLifecycle.State.UNHEALTHY;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
