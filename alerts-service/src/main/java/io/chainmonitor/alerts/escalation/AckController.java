package io.chainmonitor.alerts.escalation;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.chainmonitor.alerts.config.ProjectDirectory;
import io.chainmonitor.alerts.dispatch.AlertStore;

/**
 * Acknowledgement through the API (the project's owner) or through the signed link in a notification. Opening the
 * link only shows a confirmation form, so that mail scanners that follow links acknowledge nothing.
 */
@RestController
class AckController {

    private final ProjectDirectory projects;
    private final Acks acks;
    private final AckLinks links;
    private final AlertStore alerts;

    AckController(ProjectDirectory projects, Acks acks, AckLinks links, AlertStore alerts) {
        this.projects = projects;
        this.acks = acks;
        this.links = links;
        this.alerts = alerts;
    }

    @GetMapping("/api/v1/projects/{projectId}/alerts")
    List<OpenAlert> open(@PathVariable String projectId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return alerts.firing(projectId).stream()
                .map(alert -> new OpenAlert(alert.fingerprint(), alert.groupKey(), alert.severity().wireName(),
                        alert.finding().title(), alert.ackedAt() != null, alert.tierIndex()))
                .toList();
    }

    @PostMapping("/api/v1/projects/{projectId}/alerts/{fingerprint}/ack")
    ResponseEntity<Void> acknowledge(@PathVariable String projectId, @PathVariable String fingerprint,
            Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        acks.acknowledge(projectId, fingerprint, caller.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String confirm(@PathVariable String token) {
        AckLinks.Target target = links.verify(token);
        return page("Acknowledge alerts", "<p>Acknowledge the alerts of group <b>"
                + HtmlUtils.htmlEscape(target.groupKey()) + "</b> in project <b>"
                + HtmlUtils.htmlEscape(projects.nameOf(target.projectId())) + "</b>?</p><form method=\"post\">"
                + "<button type=\"submit\">Acknowledge</button></form>");
    }

    @PostMapping(value = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String acknowledgeByLink(@PathVariable String token) {
        AckLinks.Target target = links.verify(token);
        int count = acks.acknowledgeGroup(target.projectId(), target.groupKey(), "ack-link");
        return page("Acknowledged", "<p>" + count + " alert(s) acknowledged: no reminders, no escalation.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>";
    }

    /** A firing alert as the API lists it. */
    record OpenAlert(String fingerprint, String groupKey, String severity, String title, boolean acknowledged,
            int tierReached) {
    }
}
