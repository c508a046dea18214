package io.chainmonitor.reporter.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.fixtures.Fixtures;
import io.chainmonitor.events.report.ReportReady;
import io.chainmonitor.reporter.ReporterIT;
import io.chainmonitor.reporter.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReportIT extends ReporterIT {

    /** Fixed, so that the golden report names it. */
    private static final String GOLDEN_PROJECT = "2b7e1f04-6c3a-4d59-9a8e-0c1d2e3f4a5b";
    private static final Finding FIXTURE = Fixtures.payload(EventType.FINDING, Finding.class);

    @Autowired
    ReportSchedules schedules;

    private final String alice = "alice-" + UUID.randomUUID();
    private final String aliceToken = user(alice);
    private final String bobToken = user("bob-" + UUID.randomUUID());

    @AfterEach
    void clockBack() {
        CLOCK.set(START);
    }

    @Test
    void theJsonIncidentReportIsExactlyTheGoldenOne() throws IOException {
        String project = goldenIncident();
        String incidentId = awaitResolvedIncident(project);

        HttpResponse<String> created = send("POST", "/api/v1/projects/" + project + "/reports", aliceToken,
                "{\"kind\": \"incident\", \"incidentId\": \"" + incidentId + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reportId = json(created).get("id").asString();
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/api/v1/projects/" + project + "/reports/" + reportId);

        HttpResponse<String> report = get("/api/v1/projects/" + project + "/reports/" + reportId + "?format=json",
                aliceToken);
        assertThat(report.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(report.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"incident-report-" + reportId.substring(0, 8) + ".json\"");
        String actual = report.body().replace(reportId, "<report-id>");
        // A differing report is written beside the build for review; copy it over the golden file when it is right.
        java.nio.file.Path review = java.nio.file.Path.of("target", "golden-actual", "incident-report.json");
        java.nio.file.Files.createDirectories(review.getParent());
        java.nio.file.Files.writeString(review, actual);
        assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(golden("golden/incident-report.json")));
        assertThat(json(get("/api/v1/projects/" + project + "/reports", aliceToken)).values().stream()
                .map(r -> r.get("id").asString())).contains(reportId);
    }

    @Test
    void thePdfIsRenderedFromTheSameReportAndItsTextReadsBack() throws IOException {
        String project = project(alice);
        sendIncidentEvents(project);
        String incidentId = awaitResolvedIncident(project);
        String reportId = create(project, "{\"kind\": \"incident\", \"incidentId\": \"" + incidentId + "\"}");

        HttpResponse<byte[]> pdf = getBytes("/api/v1/projects/" + project + "/reports/" + reportId + "?format=pdf",
                aliceToken);

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"incident-report-" + reportId.substring(0, 8) + ".pdf\"");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Incident report: " + FIXTURE.title())
                .contains("Severity Extreme")
                .contains("Status resolved")
                .contains("Since 2026-11-22 03:14:58 UTC")
                .contains("Timeline")
                .contains("Evidence")
                .contains("chain.reorg.depth")
                .contains("isolate-replica")
                .contains("exchange-desk-webhook")
                .contains("Recommended action inform-exchanges was not taken");
    }

    @Test
    void everyFormatHasItsContentType() {
        String project = project(alice);
        sendIncidentEvents(project);
        String reportId = create(project, "{\"kind\": \"incident\", \"incidentId\": \"" + awaitResolvedIncident(
                project) + "\"}");
        String path = "/api/v1/projects/" + project + "/reports/" + reportId + "?format=";

        HttpResponse<String> html = get(path + "html", aliceToken);
        assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(html.body()).contains("<h1>Incident report: 51% attack: 6-block reorg on ltc-regtest-51</h1>");
        HttpResponse<String> csv = get(path + "csv", aliceToken);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.body())
                .startsWith("section,fact,value\r\nFacts,What,51% attack: 6-block reorg on ltc-regtest-51")
                .contains("\r\nsection,Time,Event,Detail\r\n");
        HttpResponse<String> markdown = get(path + "md", aliceToken);
        assertThat(markdown.headers().firstValue("Content-Type")).hasValue("text/markdown;charset=UTF-8");
        assertThat(markdown.body()).startsWith("# Incident report: ").contains("## Timeline");
        assertProblem(get(path + "docx", aliceToken), 400, "invalid-parameter", "format");
    }

    @Test
    void healthReportsAndProjectSummariesAreMadeFromTheStoredEvents() {
        String project = project(alice);
        sendIncidentEvents(project);
        send(fixture(EventType.HEALTH_REPORT, project));
        send(fixture(EventType.WIRE_INCIDENT, project));
        awaitItems("/api/v1/health-reports?project=" + project, aliceToken, 1);
        awaitItems("/api/v1/wire-incidents?project=" + project, aliceToken, 1);
        awaitResolvedIncident(project);

        String health = create(project, "{\"kind\": \"health\"}");
        String byId = create(project,
                "{\"kind\": \"health\", \"healthReportId\": \"01a20144-8f04-7f70-84f4-e2d847e37c09\"}");
        assertThat(json(get("/api/v1/projects/" + project + "/reports/" + byId, aliceToken)).get("facts").get(4)
                .get("value").asString()).isEqualTo("01a20144-8f04-7f70-84f4-e2d847e37c09");
        assertProblem(send("POST", "/api/v1/projects/" + project + "/reports", aliceToken,
                "{\"kind\": \"health\", \"healthReportId\": \"no-such-report\"}"), 404, "not-found",
                "healthReportId");
        JsonNode healthReport = json(get("/api/v1/projects/" + project + "/reports/" + health, aliceToken));
        assertThat(healthReport.get("title").asString()).endsWith(" is critical");
        assertThat(healthReport.get("sections").get(2).get("rows").get(1).get(0).asString())
                .isEqualTo("replicas-agree-on-tip");

        String summary = create(project,
                "{\"kind\": \"project_summary\", \"from\": \"2026-11-22T00:00:00Z\", \"to\": \"2026-11-23T00:00:00Z\"}");
        String markdown = get("/api/v1/projects/" + project + "/reports/" + summary + "?format=md", aliceToken).body();
        assertThat(markdown).contains("| Extreme | 1 | 0 | 1 |").contains("| 51-percent | 1 |")
                .contains("| r-2 | 1 | 0 | 0.0% |").contains("| 203.0.113.45 | 1 |")
                .contains("| critical-method | 1 |");
    }

    @Test
    void badReportRequestsAreRefusedAndOtherUsersSeeNothing() {
        String project = project(alice);
        assertProblem(send("POST", "/api/v1/projects/" + project + "/reports", aliceToken, "{\"kind\": \"poem\"}"),
                400, "invalid-parameter", "kind");
        assertProblem(send("POST", "/api/v1/projects/" + project + "/reports", aliceToken,
                "{\"kind\": \"incident\"}"), 400, "invalid-parameter", "incidentId");
        assertProblem(send("POST", "/api/v1/projects/" + project + "/reports", aliceToken,
                "{\"kind\": \"project_summary\", \"from\": \"2026-11-23T00:00:00Z\", \"to\": \"2026-11-22T00:00:00Z\"}"),
                400, "inverted-range", "from");
        String summary = create(project, "{\"kind\": \"project_summary\"}");

        assertProblem(send("POST", "/api/v1/projects/" + project + "/reports", bobToken,
                "{\"kind\": \"project_summary\"}"), 404, "not-found", "projectId");
        assertThat(get("/api/v1/projects/" + project + "/reports/" + summary, bobToken).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/projects/" + project + "/reports/" + summary + "/share", bobToken, null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aShareLinkOpensOnlyItsReportWithoutATokenUntilItExpiresOrIsRevoked() {
        String project = project(alice);
        String summary = create(project, "{\"kind\": \"project_summary\"}");
        HttpResponse<String> shared = send("POST", "/api/v1/projects/" + project + "/reports/" + summary + "/share",
                aliceToken, "{\"expiresIn\": \"PT1H\"}");
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
        String url = json(shared).get("url").asString();
        assertThat(Instant.parse(json(shared).get("expiresAt").asString())).isEqualTo(START.plus(Duration.ofHours(1)));

        HttpResponse<String> opened = get(url, null);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(opened.body()).contains("Project summary: ");
        assertThat(getBytes(url + "?format=pdf", null).headers().firstValue("Content-Type"))
                .hasValue("application/pdf");
        assertThat(get("/share/" + "x".repeat(43), null).statusCode()).isEqualTo(404);
        assertThat(get(url.replace("/share/", "/api/v1/share/"), null).statusCode()).isEqualTo(401);

        CLOCK.advance(Duration.ofMinutes(61));
        assertProblem(get(url, null), 410, "share-link-expired", null);

        CLOCK.set(START);
        JsonNode second = json(send("POST", "/api/v1/projects/" + project + "/reports/" + summary + "/share",
                aliceToken, null));
        assertThat(get(second.get("url").asString(), null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/projects/" + project + "/reports/" + summary + "/share/"
                + second.get("id").asString(), aliceToken, null).statusCode()).isEqualTo(204);
        assertProblem(get(second.get("url").asString(), null), 410, "share-link-expired", null);
        assertProblem(send("POST", "/api/v1/projects/" + project + "/reports/" + summary + "/share", aliceToken,
                "{\"expiresIn\": \"P1000D\"}"), 400, "invalid-parameter", "expiresIn");
    }

    @Test
    void aDailyScheduleMakesTheProjectSummaryOfThePreviousDayAndAnnouncesItOnce() {
        String project = project(alice);
        // No health check ran yet: the health kind has nothing to say, and must not cost the summary its run.
        HttpResponse<String> put = send("PUT", "/api/v1/projects/" + project + "/report-schedule", aliceToken,
                "{\"cadence\": \"daily\", \"kinds\": [\"project_summary\", \"health\"]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).get("nextRunAt").asString()).isEqualTo("2026-11-23T00:00:00Z");
        assertProblem(send("PUT", "/api/v1/projects/" + project + "/report-schedule", aliceToken,
                "{\"cadence\": \"hourly\"}"), 400, "invalid-parameter", "cadence");

        CLOCK.set(Instant.parse("2026-11-23T00:00:30Z"));
        schedules.runDue();

        JsonNode reports = json(get("/api/v1/projects/" + project + "/reports", aliceToken));
        assertThat(reports.size()).isEqualTo(1);
        assertThat(reports.get(0).get("trigger").asString()).isEqualTo("scheduled");
        assertThat(reports.get(0).get("periodFrom").asString()).isEqualTo("2026-11-22T00:00:00Z");
        assertThat(reports.get(0).get("periodTo").asString()).isEqualTo("2026-11-23T00:00:00Z");
        assertThat(json(get("/api/v1/projects/" + project + "/report-schedule", aliceToken)).get("nextRunAt")
                .asString()).isEqualTo("2026-11-24T00:00:00Z");
        schedules.runDue();
        assertThat(json(get("/api/v1/projects/" + project + "/reports", aliceToken)).size()).isEqualTo(1);

        List<Envelope<?>> announced = TopicRecords.recordsOn("cm.reports.v1").stream()
                .filter(r -> project.equals(r.key())).<Envelope<?>>map(r -> CODEC.read(r.value())).toList();
        assertThat(announced).hasSize(1);
        ReportReady ready = (ReportReady) announced.get(0).data();
        String reportId = reports.get(0).get("id").asString();
        assertThat(ready).isEqualTo(new ReportReady(project, reportId, "project_summary",
                reports.get(0).get("title").asString(), Instant.parse("2026-11-22T00:00:00Z"),
                Instant.parse("2026-11-23T00:00:00Z"), "scheduled",
                "/api/v1/projects/" + project + "/reports/" + reportId));
        assertThat(announced.get(0).subject()).isEqualTo("projects/" + project + "/reports/" + reportId);
        assertThat(get(ready.downloadPath() + "?format=pdf", aliceToken).statusCode()).isEqualTo(200);
    }

    private String goldenIncident() {
        if (jdbc.sql("SELECT count(*) FROM project WHERE id = :id").param("id", GOLDEN_PROJECT).query(Long.class)
                .single() == 0) {
            project(GOLDEN_PROJECT, alice, "ltc-golden");
            sendIncidentEvents(GOLDEN_PROJECT);
        }
        jdbc.sql("UPDATE project SET owner = :owner WHERE id = :id").param("owner", alice).param("id", GOLDEN_PROJECT)
                .update();
        return GOLDEN_PROJECT;
    }

    /** The fixture finding firing, its notification and action, then resolving at 03:40:00 UTC. */
    private static void sendIncidentEvents(String project) {
        send(fixture(EventType.FINDING, project));
        send(fixture(EventType.ALERT_NOTIFICATION, project));
        send(fixture(EventType.ACTION_EXECUTION, project));
        Envelope<?> firing = Fixtures.envelope(EventType.FINDING);
        Instant resolvedAt = Instant.parse("2026-11-22T03:39:50Z");
        send(event(project, Severity.EXTREME, Instant.parse("2026-11-22T03:40:00Z"), new Finding(
                FIXTURE.fingerprint(), FIXTURE.ruleId(), FIXTURE.attack(), Finding.Status.RESOLVED, FIXTURE.title(),
                "Replica r-2 is back on the majority chain; no reorg deeper than 1 block in the last 12 blocks.",
                FIXTURE.chain(), FIXTURE.replicaId(), FIXTURE.evidence(), FIXTURE.labels(),
                FIXTURE.recommendedActions(), ((Finding) firing.data()).startsAt(), resolvedAt)));
    }

    private String awaitResolvedIncident(String project) {
        return await().until(() -> json(get("/api/v1/incidents?project=" + project, aliceToken)).get("items"),
                items -> items.size() == 1 && items.get(0).get("status").asString().equals("resolved")
                        && items.get(0).get("done").get("actions").size() == 1
                        && items.get(0).get("done").get("notifications").size() == 1)
                .get(0).get("id").asString();
    }

    private String create(String project, String body) {
        HttpResponse<String> created = send("POST", "/api/v1/projects/" + project + "/reports", aliceToken, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = ReportIT.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " (see target/golden-actual)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
