package io.chainmonitor.reporter.ingest;

import java.util.UUID;

/** An incident was opened or changed by a finding event; published inside the ingest transaction. */
public record IncidentChanged(String projectId, UUID incidentId) {
}
