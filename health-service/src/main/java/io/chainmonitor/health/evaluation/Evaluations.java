package io.chainmonitor.health.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.events.rules.RuleSet;
import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.RuleSetException;
import io.chainmonitor.rules.yaml.RuleSetReader;
import io.chainmonitor.support.kafka.UnprocessableEventException;

/**
 * The evaluation of every project whose partitions this instance holds. One consumer thread calls it, record by
 * record, in partition order. The state of the projects and the offsets consumed are checkpointed together (after
 * {@code checkpointEvery} records or {@code checkpointInterval}, on revocation and shutdown); after a crash the
 * records since the checkpoint are evaluated again, which restores the same state since the evaluator is
 * deterministic, and the ledger of input events whose findings were published keeps them from going out twice.
 */
final class Evaluations {

    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);
    private final EvaluationStore store;
    private final ProjectRegistry projects;
    private final RulePacks packs;
    private final FindingSender sender;
    private final EvaluationMetrics metrics;
    private final HealthProperties.Evaluation settings;

    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private int sinceCheckpoint;
    private long lastCheckpoint = System.nanoTime();

    Evaluations(EvaluationStore store, ProjectStateCodec states, RulePacks packs, FindingSender sender,
            EvaluationMetrics metrics, HealthProperties.Evaluation settings) {
        this.store = store;
        this.projects = new ProjectRegistry(store, states);
        this.packs = packs;
        this.sender = sender;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Evaluates one record; findings are published before it returns. */
    void process(ConsumerRecord<String, Envelope<?>> record, Consumer<?, ?> consumer) {
        // Findings whose publication failed on an earlier delivery go out before anything else.
        publishPending();
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Envelope<?> event = record.value();
        List<Envelope<Finding>> findings;
        UUID cause;
        if (event == null) {
            cause = UUID.nameUUIDFromBytes((partition + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
            findings = ruleSetRemoved(record.key(), cause);
        } else {
            cause = event.uuid();
            findings = switch (event.data()) {
                case ProjectLifecycle lifecycle -> onProject(event, lifecycle);
                case RuleSet ruleSet -> onRuleSet(event, ruleSet);
                default -> onInput(event);
            };
            metrics.evaluated(shortType(event.type()),
                    Duration.ofMillis(System.currentTimeMillis() - record.timestamp()));
        }
        if (!findings.isEmpty()) {
            emit(cause, event == null ? record.key() : event.projectid(), partition, record.offset(), findings);
        }
        positions.put(partition, record.offset() + 1);
        sinceCheckpoint++;
        if (sinceCheckpoint >= settings.checkpointEvery()
                || System.nanoTime() - lastCheckpoint >= settings.checkpointInterval().toNanos()) {
            tryCheckpoint(consumer);
        }
    }

    private List<Envelope<Finding>> onInput(Envelope<?> event) {
        ProjectState state = projects.find(event.projectid());
        if (state == null) {
            metrics.skipped("unknown_project");
            if (projects.rememberUnknown(event.projectid())) {
                log.warn("{} {} of unknown project {} skipped: no project lifecycle or rule set names it",
                        event.type(), event.id(), event.projectid());
            }
            return List.of();
        }
        if (!state.firstDelivery(event.id())) {
            metrics.skipped("duplicate");
            log.debug("{} {} of project {} was evaluated already", event.type(), event.id(), event.projectid());
            return List.of();
        }
        projects.changed(state.projectId());
        try {
            return state.evaluate(event);
        } catch (RuntimeException e) {
            // The evaluator refused the event (it is deterministic: it would again). Its id is noted, so a retry
            // would skip it silently; the dead-letter topic keeps it for an operator instead.
            throw new UnprocessableEventException("the rules of project " + event.projectid() + " cannot evaluate "
                    + event.type() + " " + event.id() + ": " + e.getMessage(), e);
        }
    }

    private List<Envelope<Finding>> onProject(Envelope<?> event, ProjectLifecycle lifecycle) {
        String id = event.projectid();
        ProjectState state = projects.find(id);
        if (lifecycle.change() == ProjectLifecycle.Change.DELETED) {
            if (state == null) {
                return List.of();
            }
            projects.delete(id);
            log.info("project {} deleted: its evaluation state is dropped and its findings resolved", id);
            return state.close(event.uuid(), event.time());
        }
        var pack = packs.packFor(lifecycle.chainType(), lifecycle.consensus());
        if (pack.isEmpty()) {
            metrics.rejected(EvaluationException.Reason.NO_RULE_PACK.label());
            log.warn("project {}: chain type {} (consensus {}) has no default rule pack; it is not evaluated", id,
                    lifecycle.chainType(), lifecycle.consensus());
            return List.of();
        }
        if (state == null) {
            projects.add(ProjectState.fresh(id, lifecycle.chainType(), pack.get(), packs.defaultPack(pack.get()),
                    settings.dedupeWindow()));
            return List.of();
        }
        projects.changed(id);
        return state.changeChainType(lifecycle.chainType(), pack.get(), packs.defaultPack(pack.get()), event.uuid(),
                event.time());
    }

    private List<Envelope<Finding>> onRuleSet(Envelope<?> event, RuleSet ruleSet) {
        String id = event.projectid();
        ProjectState state = projects.find(id);
        if (state != null && ruleSet.version() <= state.rules().version()) {
            metrics.skipped("stale_rule_set");
            return List.of();
        }
        if (!ruleSet.projectId().equals(id)) {
            return reject(id, ruleSet, EvaluationException.Reason.PROJECT_MISMATCH.label(),
                    "it names project " + ruleSet.projectId());
        }
        if (state != null && !state.chainType().equals(ruleSet.chainType())) {
            return reject(id, ruleSet, EvaluationException.Reason.CHAIN_TYPE_MISMATCH.label(),
                    "it is for chain type " + ruleSet.chainType()
                            + " but the project runs " + state.chainType());
        }
        RuleSetDefinition definition;
        try {
            definition = RuleSetReader.read("rule set v" + ruleSet.version() + " of project " + id, ruleSet.rules());
        } catch (RuleSetException e) {
            return reject(id, ruleSet, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
        if (state == null) {
            // A rule set makes its project known: the rules API publishes only for existing projects, and the
            // rules topic may be read before the project's lifecycle after a fresh start.
            var pack = packs.packFor(ruleSet.chainType(), ruleSet.basePack());
            if (pack.isEmpty()) {
                return reject(id, ruleSet, EvaluationException.Reason.NO_RULE_PACK.label(),
                        "chain type " + ruleSet.chainType() + " has no pack");
            }
            state = ProjectState.fresh(id, ruleSet.chainType(), pack.get(), packs.defaultPack(pack.get()),
                    settings.dedupeWindow());
            projects.add(state);
        }
        projects.changed(id);
        log.info("project {}: rule set v{} by {} is in force ({} rules)", id, ruleSet.version(),
                ruleSet.updatedBy(), definition.rules().size());
        return state.replaceRules(new ActiveRules(ruleSet.version(), definition, ruleSet.rules()), event.uuid(),
                ruleSet.updatedAt());
    }

    /** A tombstone on the rules topic: the project's own rule set is gone, its default pack runs again. */
    private List<Envelope<Finding>> ruleSetRemoved(String projectId, UUID cause) {
        ProjectState state = projectId == null ? null : projects.find(projectId);
        if (state == null || state.rules().isDefaultPack()) {
            return List.of();
        }
        projects.changed(projectId);
        log.info("project {}: its rule set was removed; the default {} pack runs again", projectId,
                state.rulePack());
        return state.replaceRules(packs.defaultPack(state.rulePack()), cause, Instant.now());
    }

    private List<Envelope<Finding>> reject(String projectId, RuleSet ruleSet, String reason, String detail) {
        metrics.rejected(reason);
        log.warn("project {}: rule set v{} by {} rejected ({}): {}; the rules in force stay", projectId,
                ruleSet.version(), ruleSet.updatedBy(), reason, detail);
        return List.of();
    }

    private void emit(UUID cause, String projectId, TopicPartition partition, long offset,
            List<Envelope<Finding>> findings) {
        if (store.emitted(cause)) {
            // A replay after a crash: this event's findings went out before the checkpoint caught up.
            metrics.suppressed(findings.size());
            return;
        }
        pending.add(new Pending(cause, projectId, partition, offset, findings));
        publishPending();
    }

    private void publishPending() {
        while (!pending.isEmpty()) {
            Pending next = pending.getFirst();
            sender.send(next.findings());
            store.recordEmitted(next.cause(), next.projectId(), next.partition(), next.offset());
            next.findings().forEach(metrics::emitted);
            pending.removeFirst();
        }
    }

    private void tryCheckpoint(Consumer<?, ?> consumer) {
        try {
            checkpoint(consumer);
        } catch (RuntimeException e) {
            // The state stays dirty and the offsets unmoved: the next checkpoint saves it, a crash replays it.
            log.warn("evaluation checkpoint failed, retried with the next records: {}", e.getMessage());
        }
    }

    /** Saves the changed projects and the positions; skipped while findings wait to be published. */
    boolean checkpoint(Consumer<?, ?> consumer) {
        if (!pending.isEmpty() || positions.isEmpty()) {
            return false;
        }
        metrics.checkpoints().record(() -> {
            store.checkpoint(projects.changedRows(), projects.deleted(), positions);
        });
        projects.saved();
        sinceCheckpoint = 0;
        lastCheckpoint = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        positions.forEach((partition, next) -> commits.put(partition, new OffsetAndMetadata(next)));
        try {
            // The database is the authority; the group's offsets follow it for the operators' lag tools.
            consumer.commitSync(commits);
        } catch (RuntimeException e) {
            log.debug("committing evaluation offsets to the group failed: {}", e.getMessage());
        }
        return true;
    }

    /** Partitions go to another instance (or the consumer closes): checkpoint, then forget every project. */
    void revoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try {
            if (!checkpoint(consumer) && !pending.isEmpty()) {
                log.warn("{} findings were not published before the rebalance; the records that made them will be"
                        + " evaluated again from the last checkpoint", pending.size());
            }
        } catch (RuntimeException e) {
            log.warn("evaluation checkpoint at revocation failed; the next owner replays from the last one: {}",
                    e.getMessage());
        }
        forget();
    }

    /** Partitions were lost without a chance to save: the next owner replays from the last checkpoint. */
    void lost() {
        forget();
    }

    /**
     * Partitions are ours: resume each from its checkpointed offset. A partition without one was never part of a
     * checkpoint, so no saved state contains any of its records: it is read from its beginning, whatever the group's
     * Kafka offset says (the error handler commits past a dead-lettered record on its own).
     */
    void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        projects.forgetUnknown();
        Map<TopicPartition, Long> offsets = store.offsets(partitions);
        offsets.forEach(consumer::seek);
        List<TopicPartition> fresh = partitions.stream().filter(p -> !offsets.containsKey(p)).toList();
        if (!fresh.isEmpty()) {
            consumer.seekToBeginning(fresh);
        }
    }

    private void forget() {
        projects.clear();
        positions.clear();
        pending.clear();
        sinceCheckpoint = 0;
    }

    private static String shortType(String type) {
        // io.chainmonitor.chain.metrics.v1 -> chain.metrics
        String body = type.startsWith("io.chainmonitor.") ? type.substring("io.chainmonitor.".length()) : type;
        int version = body.lastIndexOf(".v");
        return version > 0 ? body.substring(0, version) : body;
    }

    /** Findings of one input event waiting for the broker's acknowledgement. */
    private record Pending(UUID cause, String projectId, TopicPartition partition, long offset,
            List<Envelope<Finding>> findings) {
    }
}
