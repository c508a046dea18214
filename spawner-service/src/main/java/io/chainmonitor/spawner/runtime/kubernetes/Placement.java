package io.chainmonitor.spawner.runtime.kubernetes;

import java.util.regex.Pattern;

/**
 * A Kubernetes location's target: {@code zone=<zone>} or {@code region=<region>}, which becomes a required node
 * affinity on the well-known topology label.
 */
public record Placement(String topologyKey, String value) {

    static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    static final String REGION_LABEL = "topology.kubernetes.io/region";
    /** A Kubernetes label value. */
    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

    /** Parses a location's target; a clear {@link IllegalArgumentException} when it names no zone or region. */
    public static Placement parse(String target) {
        String text = target == null ? "" : target.trim();
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("a kubernetes location needs a zone or a region as target, "
                    + "e.g. zone=eu-west-1a or region=eu-west-1; got '" + text + "'");
        }
        String kind = text.substring(0, equals).trim();
        String value = text.substring(equals + 1).trim();
        String key = switch (kind) {
            case "zone" -> ZONE_LABEL;
            case "region" -> REGION_LABEL;
            default -> throw new IllegalArgumentException(
                    "target '" + text + "' must start with zone= or region=, e.g. zone=eu-west-1a");
        };
        if (!LABEL_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("target '" + text + "': '" + value
                    + "' is not a valid " + kind + " (a Kubernetes label value: letters, digits, '-', '_', '.')");
        }
        return new Placement(key, value);
    }
}
