package io.chainmonitor.health.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.eval.EvaluatorSnapshot;
import io.chainmonitor.rules.eval.ProjectEvaluator;
import io.chainmonitor.rules.model.RuleSetException;
import io.chainmonitor.rules.yaml.RuleSetReader;

/** Turns a {@link ProjectState} into the row that persists it and back. */
final class ProjectStateCodec {

    private static final Logger log = LoggerFactory.getLogger(ProjectStateCodec.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final EventCodec codec;
    private final JsonMapper json;
    private final RulePacks packs;
    private final int dedupeWindow;

    ProjectStateCodec(EventCodec codec, RulePacks packs, int dedupeWindow) {
        this.codec = codec;
        this.json = codec.mapper();
        this.packs = packs;
        this.dedupeWindow = dedupeWindow;
    }

    StoredProject write(ProjectState state) {
        ActiveRules rules = state.rules();
        StringBuilder open = new StringBuilder("[");
        for (Envelope<Finding> firing : state.openFindings()) {
            open.append(open.length() > 1 ? "," : "").append(new String(codec.write(firing), StandardCharsets.UTF_8));
        }
        open.append(']');
        return new StoredProject(state.projectId(), state.chainType(), state.rulePack(), rules.version(),
                rules.isDefaultPack() ? null : json.writeValueAsString(rules.document()),
                json.writeValueAsString(state.evaluator().snapshot()), open.toString(),
                json.writeValueAsString(state.recentEventIds()));
    }

    /**
     * The state the row describes. A saved rule set that no longer reads (the catalog changed under it) gives way to
     * the default pack; a snapshot that no longer reads starts the evaluator afresh. Both are logged: the project is
     * evaluated on, with less history.
     */
    ProjectState read(StoredProject row) {
        ActiveRules rules = rules(row);
        ProjectEvaluator evaluator;
        try {
            EvaluatorSnapshot snapshot = json.readValue(row.snapshotJson(), EvaluatorSnapshot.class);
            evaluator = ProjectEvaluator.restore(row.projectId(), row.chainType(), rules.definition(), snapshot);
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("project {}: the saved evaluation state cannot be resumed ({}); its windows start afresh",
                    row.projectId(), e.getMessage());
            evaluator = ProjectEvaluator.create(row.projectId(), row.chainType(), rules.definition());
        }
        List<Envelope<Finding>> open = new ArrayList<>();
        for (JsonNode firing : json.readTree(row.openFindingsJson())) {
            open.add(codec.read(json.writeValueAsBytes(firing), Finding.class));
        }
        List<String> recent = json.readValue(row.recentEventsJson(), STRINGS);
        return new ProjectState(row.projectId(), row.chainType(), row.rulePack(), rules, evaluator, open,
                new RecentEventIds(dedupeWindow, recent));
    }

    private ActiveRules rules(StoredProject row) {
        if (row.rulesJson() == null) {
            return packs.defaultPack(row.rulePack());
        }
        JsonNode document = json.readTree(row.rulesJson());
        try {
            return new ActiveRules(row.rulesVersion(),
                    RuleSetReader.read("project " + row.projectId() + " rule set v" + row.rulesVersion(), document),
                    document);
        } catch (RuleSetException e) {
            log.warn("project {}: its saved rule set v{} no longer reads ({}); the default {} pack runs instead",
                    row.projectId(), row.rulesVersion(), e.getMessage(), row.rulePack());
            return packs.defaultPack(row.rulePack());
        }
    }
}
