package io.chainmonitor.alerts.report;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.alerts.AlertsProperties;
import io.chainmonitor.alerts.config.Contacts;
import io.chainmonitor.alerts.config.Policies;
import io.chainmonitor.alerts.config.ProjectDirectory;
import io.chainmonitor.alerts.dispatch.AlertMessage;
import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.alerts.dispatch.DeliveryQueue;
import io.chainmonitor.alerts.routing.AlertPolicy;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.Uuid7;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.report.ReportReady;

/**
 * Takes scheduled reports from {@code cm.reports.v1} and queues one email per contact of the tiers the project's
 * policy names for reports ({@code reportRecipients}, by default the first tier). The deliveries then go the way of
 * every notification: {@code DeliveryWorker}, the notification log, {@code cm.alerts.notifications.v1}. A redelivered
 * event is skipped by its id, in the transaction that queues the mail, so a report is mailed once.
 */
@Component
class ReportIntake {

    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);

    private final JdbcClient jdbc;
    private final Policies policies;
    private final Contacts contacts;
    private final ProjectDirectory projects;
    private final DeliveryQueue queue;
    private final URI dashboard;
    private final Clock clock;

    ReportIntake(JdbcClient jdbc, Policies policies, Contacts contacts, ProjectDirectory projects, DeliveryQueue queue,
            AlertsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.contacts = contacts;
        this.projects = projects;
        this.queue = queue;
        this.dashboard = properties.dashboardUrl();
        this.clock = clock;
    }

    @KafkaListener(topics = "cm.reports.v1")
    @Transactional
    public void on(Envelope<?> event) {
        if (!(event.data() instanceof ReportReady report) || !firstDelivery(event)) {
            return;
        }
        AlertPolicy policy = policies.policy(event.projectid());
        List<AlertPolicy.Tier> tiers = policy.reportTiers();
        if (tiers.isEmpty()) {
            log.info("report {} of {} not mailed: the project's alert policy has no tiers", report.reportId(),
                    event.projectid());
            return;
        }
        int queued = 0;
        for (AlertPolicy.Tier tier : tiers) {
            AlertMessage message = message(event.projectid(), tier.name(), report);
            for (var contactId : tier.contacts()) {
                Optional<Contacts.Reachable> contact = contacts.reachable(event.projectid(), contactId);
                if (contact.isPresent() && contact.get().channels().contains(Channel.EMAIL)) {
                    queue.enqueue(message, Channel.EMAIL, contactId, contact.get().name());
                    queued++;
                }
            }
        }
        log.info("report {} of {} queued for {} email recipients", report.reportId(), event.projectid(), queued);
    }

    private AlertMessage message(String projectId, String tier, ReportReady report) {
        String base = dashboard.toString().replaceAll("/+$", "");
        String project = URLEncoder.encode(projectId, StandardCharsets.UTF_8);
        URI reports = URI.create(base + "/projects/" + project + "/reports");
        URI link = URI.create(reports + "/" + URLEncoder.encode(report.reportId(), StandardCharsets.UTF_8));
        return new AlertMessage(Uuid7.next().toString(), projectId, projects.nameOf(projectId),
                AlertMessage.reportGroupKey(report.reportId()), AlertNotification.Kind.REPORT, Severity.LOW, tier,
                List.of(), reports, link, null, clock.instant(), report);
    }

    private boolean firstDelivery(Envelope<?> event) {
        return jdbc.sql("insert into processed_event (event_id, topic) values (?, ?) on conflict do nothing")
                .params(event.uuid(), event.topic().topicName()).update() == 1;
    }
}
