package io.chainmonitor.reporter.project;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.project.ProjectLifecycle;

/** Learns projects and their owners from {@code cm.projects.v1}; replica lifecycle events are not needed here. */
@Component
class ProjectListener {

    private final Projects projects;

    ProjectListener(Projects projects) {
        this.projects = projects;
    }

    @KafkaListener(id = "reporter-projects", groupId = "reporter-service.projects", topics = "cm.projects.v1")
    void on(Envelope<?> envelope) {
        if (envelope.data() instanceof ProjectLifecycle lifecycle) {
            projects.apply(envelope, lifecycle);
        }
    }
}
