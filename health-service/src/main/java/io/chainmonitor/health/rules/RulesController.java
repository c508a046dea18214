package io.chainmonitor.health.rules;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.health.rules.history.HistoryRange;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.yaml.RuleSetWriter;

/**
 * The rules API: default packs by chain type, and a project's rule set — read, replaced (JSON or YAML import),
 * patched, extended, trimmed — in JSON or YAML by {@code Accept}/{@code Content-Type}, with the version as ETag and
 * {@code If-Match} for optimistic concurrency. Only the project's owner sees or changes its rules.
 */
@RestController
class RulesController {

    private static final String RULES = "/api/v1/projects/{projectId}/rules";

    private final ProjectRules rules;
    private final ChainRulePacks packs;
    private final RuleSetBodies bodies;
    private final DryRuns dryRuns;
    private final Duration retention;

    RulesController(ProjectRules rules, ChainRulePacks packs, RuleSetBodies bodies, DryRuns dryRuns,
            HealthProperties properties) {
        this.rules = rules;
        this.packs = packs;
        this.bodies = bodies;
        this.dryRuns = dryRuns;
        this.retention = properties.rules().historyRetention();
    }

    @GetMapping("/api/v1/chain-types/{chainType}/rules/default")
    ResponseEntity<?> defaultPack(@PathVariable String chainType,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RuleFormat format = RuleFormat.forAccept(accept);
        RuleSetDefinition pack = packs.defaultPack(chainType);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(format.mediaType());
        return format == RuleFormat.YAML
                ? ok.body("# Default rule pack '" + pack.pack() + "' of chain type " + chainType + "\n"
                        + RuleSetWriter.toYaml(pack))
                : ok.body(RuleSetWriter.toTree(pack));
    }

    @GetMapping(RULES)
    ResponseEntity<?> current(@PathVariable String projectId, Authentication caller,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RuleFormat format = RuleFormat.forAccept(accept);
        return render(rules.current(projectId, caller.getName()), format, ResponseEntity.ok());
    }

    @PutMapping(RULES)
    ResponseEntity<?> replace(@PathVariable String projectId, Authentication caller, InputStream body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long length,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RuleFormat answer = RuleFormat.forAccept(accept);
        IfMatch precondition = IfMatch.parse(ifMatch);
        RuleFormat format = RuleFormat.forContentType(contentType);
        RuleSetDefinition submitted = bodies.ruleSet(bodies.read(body, length == null ? -1 : length), format);
        return render(rules.replace(projectId, caller.getName(), precondition, submitted), answer,
                ResponseEntity.ok());
    }

    @PostMapping(RULES)
    ResponseEntity<?> add(@PathVariable String projectId, Authentication caller, InputStream body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long length,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        IfMatch precondition = IfMatch.parse(ifMatch);
        RuleFormat format = RuleFormat.forContentType(contentType);
        ProjectRules.CurrentRules changed = rules.add(projectId, caller.getName(), precondition,
                bodies.tree(bodies.read(body, length == null ? -1 : length), format));
        String ruleId = changed.rules().definition().rules().getLast().id();
        URI location = URI.create("/api/v1/projects/" + projectId + "/rules/" + ruleId);
        return render(changed, RuleFormat.JSON, ResponseEntity.created(location));
    }

    @PatchMapping(RULES + "/{ruleId}")
    ResponseEntity<?> patch(@PathVariable String projectId, @PathVariable String ruleId, Authentication caller,
            InputStream body, @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long length,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        IfMatch precondition = IfMatch.parse(ifMatch);
        RuleFormat format = RuleFormat.forContentType(contentType);
        return render(rules.patch(projectId, ruleId, caller.getName(), precondition,
                bodies.tree(bodies.read(body, length == null ? -1 : length), format)), RuleFormat.JSON,
                ResponseEntity.ok());
    }

    @DeleteMapping(RULES + "/{ruleId}")
    ResponseEntity<Void> remove(@PathVariable String projectId, @PathVariable String ruleId, Authentication caller,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ProjectRules.CurrentRules changed = rules.remove(projectId, ruleId, caller.getName(), IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().eTag(IfMatch.etag(changed.rules().version())).build();
    }

    @GetMapping(RULES + "/versions")
    List<RuleSetStore.VersionSummary> versions(@PathVariable String projectId, Authentication caller) {
        return rules.versions(projectId, caller.getName());
    }

    @GetMapping(RULES + "/versions/{version}")
    ResponseEntity<?> version(@PathVariable String projectId, @PathVariable long version, Authentication caller,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RuleFormat format = RuleFormat.forAccept(accept);
        return render(rules.version(projectId, caller.getName(), version), format, ResponseEntity.ok());
    }

    /** Replays stored history through the rule set in the body (JSON or YAML), or the current one without a body. */
    @PostMapping(RULES + "/dry-run")
    DryRunResult dryRun(@PathVariable String projectId, Authentication caller, InputStream body,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long length) {
        HistoryRange range = DryRunRange.parse(from, to, Instant.now(), retention);
        byte[] bytes = bodies.read(body, length == null ? -1 : length);
        RuleSetDefinition submitted = bytes.length == 0
                ? null
                : bodies.ruleSet(bytes, RuleFormat.forContentType(contentType));
        return dryRuns.run(projectId, caller.getName(), submitted, range);
    }

    private static ResponseEntity<?> render(ProjectRules.CurrentRules current, RuleFormat format,
            ResponseEntity.BodyBuilder response) {
        long version = current.rules().version();
        response.eTag(IfMatch.etag(version)).contentType(format.mediaType());
        if (format == RuleFormat.YAML) {
            return response.body("# Rule set of project " + current.project().id() + ", version " + version
                    + " (send it back with If-Match: \"" + version + "\")\n"
                    + RuleSetWriter.toYaml(current.rules().definition()));
        }
        return response.body(RuleSetView.of(current));
    }
}
