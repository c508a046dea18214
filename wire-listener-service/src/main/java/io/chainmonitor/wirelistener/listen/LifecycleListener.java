package io.chainmonitor.wirelistener.listen;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.support.kafka.UnprocessableEventException;
import io.chainmonitor.support.project.ProjectOwnership;

/**
 * Opens and closes public ports from {@code cm.projects.v1}: a running replica gets its ports, a stopped or failed
 * one loses them, a deleted project loses all. Handling an event twice changes nothing.
 */
@Component
class LifecycleListener {

    private final Listeners listeners;

    private final ProjectOwnership ownership;

    LifecycleListener(Listeners listeners, ProjectOwnership ownership) {
        this.listeners = listeners;
        this.ownership = ownership;
    }

    @KafkaListener(topics = "cm.projects.v1")
    void on(Envelope<?> event) {
        try {
            if (event.data() instanceof ReplicaLifecycle replica) {
                switch (replica.state()) {
                    case RUNNING -> listeners.open(replica);
                    case STOPPED, FAILED -> listeners.close(replica.projectId(), replica.replicaId());
                    default -> {
                        // Starting, unhealthy, restarting: the ports stay as they are.
                    }
                }
            } else if (event.data() instanceof ProjectLifecycle project) {
                ownership.record(project);
                if (project.change() == ProjectLifecycle.Change.DELETED) {
                    listeners.closeProject(project.projectId());
                }
            }
        } catch (IllegalArgumentException e) {
            // An unknown chain type or a replica without endpoints will not get better on redelivery.
            throw new UnprocessableEventException(e.getMessage(), e);
        }
    }
}
