package io.chainmonitor.spawner.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.spawner.binary.DeployableBinaries;
import io.chainmonitor.spawner.project.ChangeLog;
import io.chainmonitor.spawner.project.Project;
import io.chainmonitor.spawner.project.ProjectChanged;
import io.chainmonitor.spawner.project.ProjectService;

/**
 * Rolls a running deployment over to its project's new binary or replica settings, one replica at a time: a replica
 * is upgraded in place (on its own data directory) and must become ready before the next one is touched; missing
 * replicas are added, surplus ones removed last. A replica that does not come up on the new binary is put back on the
 * old one and stops the rollout: the other replicas stay on the old binary, and the deployment shows the failure.
 * How a rollout stands is stored with the deployment and audited; a spawner stopped in the middle of one carries on
 * with it when it starts again. Rollouts of one project run one after the other; each works out afresh what is left.
 */
@Component
class Rollouts {

    private static final Logger log = LoggerFactory.getLogger(Rollouts.class);
    static final String ROLLING = "rolling";

    private final Deployments deployments;
    private final ProjectService projects;
    private final DeployableBinaries binaries;
    private final RolloutSteps steps;
    private final DeploymentRepository repository;
    private final TransactionTemplate transactions;
    private final ChangeLog changeLog;
    private final Map<UUID, ReentrantLock> running = new ConcurrentHashMap<>();

    Rollouts(Deployments deployments, ProjectService projects, DeployableBinaries binaries, RolloutSteps steps,
            DeploymentRepository repository, TransactionTemplate transactions, ChangeLog changeLog) {
        this.deployments = deployments;
        this.projects = projects;
        this.binaries = binaries;
        this.steps = steps;
        this.repository = repository;
        this.transactions = transactions;
        this.changeLog = changeLog;
    }

    @TransactionalEventListener
    void onProjectChanged(ProjectChanged changed) {
        if (deployments.live(changed.projectId()).isPresent()) {
            rollInBackground(changed.projectId());
        }
    }

    /** Carries on with the rollouts a stopped spawner was in the middle of, once its deployments are taken back. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Deployments.RESUME_ORDER + 1)
    void resumeUnfinished() {
        deployments.all().stream().filter(live -> ROLLING.equals(live.rollout().state()))
                .forEach(live -> rollInBackground(live.projectId()));
    }

    private void rollInBackground(UUID id) {
        Thread.ofVirtual().name("rollout-" + id).start(() -> roll(id));
    }

    /** Brings the project's deployment to its current binary and settings; nothing when it is not deployed. */
    void roll(UUID id) {
        ReentrantLock lock = running.computeIfAbsent(id, key -> new ReentrantLock());
        lock.lock();
        try {
            LiveDeployment live = deployments.live(id).orElse(null);
            Project project = projects.find(id).orElse(null);
            if (live == null || project == null) {
                return;
            }
            RolloutPlan plan = RolloutPlan.of(live, project.binarySha256(), project.replicas());
            if (plan.isEmpty()) {
                if (ROLLING.equals(live.rollout().state())) {
                    finish(live, project, "nothing left to change");
                }
                return;
            }
            Path executable;
            try {
                executable = binaries.executableOf(project);
            } catch (RuntimeException e) {
                fail(live, project, e.getMessage());
                return;
            }
            record(live, new LiveDeployment.Rollout(ROLLING, plan.describe()), "deployment.rollout-started",
                    AuditEntry.Outcome.SUCCEEDED, project.binarySha256());
            log.info("project {}: rollout to {}: {}", id, project.binarySha256(), plan.describe());
            String failure = apply(live, plan, project, executable);
            if (failure == null) {
                finish(live, project, plan.describe());
            } else {
                fail(live, project, failure);
            }
        } catch (RuntimeException e) {
            log.error("project {}: rollout failed", id, e);
            deployments.live(id).ifPresent(live -> live.rollout(new LiveDeployment.Rollout("failed", e.toString())));
        } finally {
            lock.unlock();
        }
    }

    /** Carries the plan out; the reason it stopped, or null when every step was done. */
    private String apply(LiveDeployment live, RolloutPlan plan, Project project, Path executable) {
        for (RolloutPlan.Replacement step : plan.replacements()) {
            String failure = step.old() == null
                    ? steps.add(live, step.location(), project.binarySha256(), project.replicas().extraArgs(),
                            executable)
                    : steps.upgrade(live, step.old(), project.binarySha256(), project.replicas().extraArgs(),
                            executable);
            if (failure != null) {
                return failure;
            }
        }
        plan.removals().forEach(old -> steps.remove(live, old, "removed by a rollout"));
        return null;
    }

    private void finish(LiveDeployment live, Project project, String detail) {
        live.target(project.binarySha256(), project.replicas());
        repository.updateTarget(live.projectId(), project.binarySha256(), project.replicas());
        record(live, new LiveDeployment.Rollout("done", detail), "deployment.rollout-done",
                AuditEntry.Outcome.SUCCEEDED, project.binarySha256());
        log.info("project {}: rollout done", live.projectId());
    }

    private void fail(LiveDeployment live, Project project, String why) {
        record(live, new LiveDeployment.Rollout("failed", why), "deployment.rollout-failed",
                AuditEntry.Outcome.FAILED, project.binarySha256());
        log.warn("project {}: rollout stopped: {}", live.projectId(), why);
    }

    /** Shows, stores and audits how the rollout stands, the last two in one transaction. */
    private void record(LiveDeployment live, LiveDeployment.Rollout rollout, String action,
            AuditEntry.Outcome outcome, String binarySha256) {
        live.rollout(rollout);
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("binarySha256", binarySha256);
        changes.put("rollout", rollout.state());
        if (rollout.detail() != null) {
            changes.put("detail", rollout.detail());
        }
        transactions.executeWithoutResult(status -> {
            repository.updateRollout(live.projectId(), rollout);
            changeLog.serviceAudit(action, "deployment", live.projectId().toString(), outcome, changes);
        });
    }
}
