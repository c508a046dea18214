package io.chainmonitor.reporter.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.reporter.project.Projects.ProjectInfo;
import io.chainmonitor.reporter.query.EventView;

/** The health report: the verdict, each replica's state and each check with what it saw. */
@Component
class HealthReports {

    ReportDocument build(UUID reportId, ProjectInfo project, EventView healthEvent, Instant generatedAt) {
        JsonNode data = healthEvent.event().get("data");
        String overall = data.path("overall").asString();
        List<List<String>> replicas = new ArrayList<>();
        data.path("replicas").values().forEach(r -> replicas.add(List.of(r.path("replicaId").asString(),
                r.path("status").asString(), IncidentReports.number(r.get("height")),
                IncidentReports.number(r.get("peers")), IncidentReports.number(r.get("blocksBehind")),
                r.path("note").asString(""))));
        List<List<String>> checks = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        data.path("checks").values().forEach(c -> {
            checks.add(List.of(c.path("name").asString(), c.path("status").asString(), c.path("detail").asString("")));
            if (!"healthy".equals(c.path("status").asString())) {
                failing.add(c.path("name").asString() + " (" + c.path("status").asString() + ")");
            }
        });
        String verdict = "The project is " + overall + "; " + data.path("firingFindings").asInt()
                + " finding(s) firing. " + (failing.isEmpty()
                        ? "Every check passed."
                        : "Checks not healthy: " + String.join(", ", failing) + ".");
        Instant at = Instant.parse(data.path("generatedAt").asString());
        return new ReportDocument(reportId.toString(), ReportKind.HEALTH.wire(),
                "Health report: " + project.name() + " is " + overall, project.id(), project.name(), generatedAt, at,
                at,
                List.of(new ReportDocument.Fact("Verdict", overall),
                        new ReportDocument.Fact("Checked at", ReportDocument.human(at)),
                        new ReportDocument.Fact("Trigger", data.path("trigger").asString()),
                        new ReportDocument.Fact("Findings firing",
                                Integer.toString(data.path("firingFindings").asInt())),
                        new ReportDocument.Fact("Health report id", data.path("reportId").asString())),
                List.of(ReportDocument.Section.text("Verdict", List.of(verdict)),
                        ReportDocument.Section.table("Replicas", List.of(),
                                List.of("Replica", "Status", "Height", "Peers", "Blocks behind", "Note"), replicas),
                        ReportDocument.Section.table("Checks", List.of(), List.of("Check", "Status", "Detail"),
                                checks)));
    }
}
