package io.chainmonitor.spawner.project;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.chainmonitor.spawner.SpawnerException;
import io.chainmonitor.spawner.SpawnerException.Reason;
import io.chainmonitor.spawner.SpawnerProperties;

/** Checks replica settings against the configured locations: known names, each once, counts adding up. */
@Component
class ReplicaSettingsCheck {

    private final List<String> locations;

    ReplicaSettingsCheck(SpawnerProperties properties) {
        this.locations = properties.locations().stream().map(SpawnerProperties.Location::name).toList();
    }

    void check(ReplicaSettings replicas) {
        Set<String> seen = new HashSet<>();
        int sum = 0;
        for (int i = 0; i < replicas.locations().size(); i++) {
            ReplicaSettings.LocationCount location = replicas.locations().get(i);
            String field = "replicas.locations[" + i + "].name";
            if (!locations.contains(location.name())) {
                throw SpawnerException.invalidField(Reason.UNKNOWN_LOCATION, field,
                        "is not a configured location; known locations: " + String.join(", ", locations));
            }
            if (!seen.add(location.name())) {
                throw SpawnerException.invalidField(Reason.INVALID_REPLICAS, field, "is listed twice");
            }
            sum += location.count();
        }
        if (sum != replicas.total()) {
            throw SpawnerException.invalidField(Reason.INVALID_REPLICAS, "replicas.total",
                    "is " + replicas.total() + " but the locations' counts add up to " + sum);
        }
    }
}
