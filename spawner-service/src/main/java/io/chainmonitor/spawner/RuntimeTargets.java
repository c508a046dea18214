package io.chainmonitor.spawner;

import io.chainmonitor.spawner.runtime.docker.DockerHost;
import io.chainmonitor.spawner.runtime.kubernetes.Placement;

/** Checks at startup that each location's target means something to its runtime. */
final class RuntimeTargets {

    private RuntimeTargets() {
    }

    static void check(String property, SpawnerProperties.Location location) {
        if (location.runtime() == null) {
            return;
        }
        try {
            switch (location.runtime()) {
                case DOCKER -> DockerHost.parse(location.target());
                case KUBERNETES -> Placement.parse(location.target());
                case PROCESS -> {
                    // A process location runs on this machine whatever its target says.
                }
            }
        } catch (IllegalArgumentException e) {
            // The message says it all; the parser's exception as cause would be what startup failures show first.
            throw new IllegalArgumentException(property + " ('" + location.name() + "', runtime "
                    + location.runtime().wireName() + "): " + e.getMessage());
        }
    }
}
