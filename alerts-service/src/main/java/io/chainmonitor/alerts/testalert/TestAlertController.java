package io.chainmonitor.alerts.testalert;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.config.ProjectDirectory;
import io.chainmonitor.alerts.dispatch.Channel;

/** {@code POST …/alerts/contacts/{contactId}/test}: a test message over one channel, for the project's owner. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/alerts/contacts/{contactId}/test")
class TestAlertController {

    private final ProjectDirectory projects;
    private final TestAlerts tests;

    TestAlertController(ProjectDirectory projects, TestAlerts tests) {
        this.projects = projects;
        this.tests = tests;
    }

    /** The channel to test: {@code email}, {@code slack}, {@code webhook}, {@code pagerduty} or {@code telegram}. */
    record TestRequest(String channel) {
    }

    @PostMapping
    TestAlerts.Outcome test(@PathVariable String projectId, @PathVariable UUID contactId,
            @RequestBody TestRequest request, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        Channel channel;
        try {
            channel = Channel.fromWire(request == null ? null : request.channel());
        } catch (IllegalArgumentException e) {
            throw AlertsException.invalidField(AlertsException.Reason.INVALID_REQUEST, "channel",
                    "must be one of email, slack, webhook, pagerduty, telegram");
        }
        return tests.send(projectId, contactId, channel, caller.getName());
    }
}
