package io.chainmonitor.reporter.live;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.chainmonitor.reporter.ReporterProperties;
import io.chainmonitor.reporter.ingest.IncidentChanged;
import io.chainmonitor.reporter.project.Projects;
import io.chainmonitor.reporter.query.IncidentQueries;
import io.chainmonitor.reporter.query.IncidentView;

/**
 * Server-sent events of a project's new and changed incidents for the dashboard: {@code GET
 * /api/v1/projects/{id}/incidents/stream}. Each change is sent once it is committed, as an {@code incident} event
 * whose data is the incident's row and whose id is the incident's id.
 */
@RestController
class IncidentFeed {

    private static final Logger log = LoggerFactory.getLogger(IncidentFeed.class);

    private final Map<String, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final Projects projects;
    private final IncidentQueries incidents;
    private final ReporterProperties properties;

    IncidentFeed(Projects projects, IncidentQueries incidents, ReporterProperties properties) {
        this.projects = projects;
        this.incidents = incidents;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/incidents/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String projectId, Authentication caller) throws IOException {
        projects.require(projectId, caller.getName(), "projectId");
        SseEmitter emitter = new SseEmitter(properties.liveFeed().timeout().toMillis());
        List<SseEmitter> project = subscribers.computeIfAbsent(projectId, id -> new CopyOnWriteArrayList<>());
        project.add(emitter);
        Runnable remove = () -> project.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        // A first comment flushes the response headers, so the client knows it is subscribed.
        emitter.send(SseEmitter.event().comment("subscribed to incidents of " + projectId));
        return emitter;
    }

    @TransactionalEventListener
    void on(IncidentChanged change) {
        List<SseEmitter> project = subscribers.get(change.projectId());
        if (project == null || project.isEmpty()) {
            return;
        }
        IncidentView incident = incidents.find(change.incidentId()).orElse(null);
        if (incident == null) {
            return;
        }
        for (SseEmitter emitter : project) {
            try {
                emitter.send(SseEmitter.event().name("incident").id(incident.id().toString())
                        .data(incident, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                // The client went away; it reconnects if it still wants the feed.
                log.debug("dropping a live feed subscriber of {}: {}", change.projectId(), e.toString());
                project.remove(emitter);
                emitter.completeWithError(e);
            }
        }
    }
}
