package io.chainmonitor.spawner.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.events.project.ReplicaLifecycle.State;
import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaListener;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimes;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;

/**
 * Keeps replicas running: starts them, restarts a crashed one after an exponential backoff, gives up on a crash loop
 * with a finding (resolved once the replica later runs stably), and publishes every state change.
 */
public final class ReplicaSupervisor implements ReplicaListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaSupervisor.class);

    private final ReplicaRuntimes runtimes;
    private final LifecycleEvents events;
    private final ReplicaJournal journal;
    private final SpawnerProperties.Supervision settings;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Map<ReplicaKey, SupervisedReplica> replicas = new ConcurrentHashMap<>();

    ReplicaSupervisor(ReplicaRuntimes runtimes, LifecycleEvents events, ReplicaJournal journal,
            SpawnerProperties.Supervision settings, Clock clock, ScheduledExecutorService scheduler,
            ExecutorService workers) {
        this.runtimes = runtimes;
        this.events = events;
        this.journal = journal;
        this.settings = settings;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), settings.backoffMultiplier());
        this.clock = clock;
        this.scheduler = scheduler;
        this.workers = workers;
        runtimes.all().forEach(runtime -> runtime.addListener(this));
    }

    /** Starts the replica and keeps it running until {@link #stop(ReplicaKey)}; a crash-looped one starts afresh. */
    public void supervise(ReplicaSpec spec) {
        supervise(spec, 0, null);
    }

    /**
     * Starts the replica as {@link #supervise(ReplicaSpec)} does, carrying over what an earlier spawner recorded: its
     * restarts and the start of its firing crash-loop finding (null when none fires), so that the finding is resolved
     * once the replica runs stably, and not raised twice.
     */
    public void supervise(ReplicaSpec spec, int restarts, Instant crashLoopSince) {
        SupervisedReplica replica = register(spec, restarts, crashLoopSince);
        publish(replica, State.STARTING, null, null, "start requested");
        workers.execute(() -> launch(replica));
    }

    /**
     * Takes over a replica its runtime already runs (re-adopted after a restart of the spawner): restarts it if it
     * crashes from now on. One that ended meanwhile is started again at once.
     */
    public void adopt(ReplicaSpec spec, int restarts, Instant crashLoopSince) {
        SupervisedReplica replica = register(spec, restarts, crashLoopSince);
        Optional<RunningReplica> running = replica.runtime.status(spec.key())
                .filter(status -> status.state() == ReplicaState.RUNNING);
        if (running.isEmpty()) {
            publish(replica, State.STARTING, null, null, "gone while the spawner was down; starting it again");
            workers.execute(() -> launch(replica));
            return;
        }
        long generation;
        synchronized (replica) {
            generation = ++replica.generation;
            replica.pending = scheduler.schedule(() -> workers.execute(() -> stable(replica, generation)),
                    settings.stableAfter().toMillis(), TimeUnit.MILLISECONDS);
        }
        publish(replica, State.RUNNING, running.get(), null, "re-adopted after a restart of the spawner");
        // It may have ended between the runtime's adoption and now, unheard by anyone.
        if (replica.runtime.status(spec.key()).filter(status -> status.state() == ReplicaState.RUNNING).isEmpty()) {
            onExit(spec.key(), null);
        }
    }

    private SupervisedReplica register(ReplicaSpec spec, int restarts, Instant crashLoopSince) {
        return replicas.compute(spec.key(), (key, previous) -> {
            if (previous != null && previous.active) {
                throw new ReplicaRuntimeException(ReplicaRuntimeException.Reason.ALREADY_RUNNING,
                        "replica " + key + " is already supervised");
            }
            SupervisedReplica fresh = new SupervisedReplica(spec, runtimes.forLocation(spec.location()),
                    new CrashLoopDetector(settings.crashLoopCrashes(), settings.crashLoopWindow()));
            fresh.findingSince = previous == null ? crashLoopSince : previous.findingSince;
            fresh.restarts = previous == null ? restarts : previous.restarts;
            fresh.active = true;
            return fresh;
        });
    }

    /** Stops the replica and its supervision. */
    public void stop(ReplicaKey key) {
        stop(key, "stop requested");
    }

    /** Stops the replica and its supervision, saying why in its {@code STOPPED} lifecycle event. */
    public void stop(ReplicaKey key, String reason) {
        SupervisedReplica replica = replicas.get(key);
        if (replica == null) {
            return;
        }
        synchronized (replica) {
            replica.active = false;
            replica.cancelPending();
        }
        replica.runtime.stop(key);
        publish(replica, State.STOPPED, null, null, reason);
    }

    /** The replica as its runtime sees it, when supervised. */
    public Optional<RunningReplica> status(ReplicaKey key) {
        return Optional.ofNullable(replicas.get(key)).flatMap(replica -> replica.runtime.status(key));
    }

    /** How often the supervisor restarted the replica; absent when it is not supervised. */
    public Optional<Integer> restarts(ReplicaKey key) {
        return Optional.ofNullable(replicas.get(key)).map(replica -> replica.restarts);
    }

    public List<ReplicaKey> supervised() {
        return replicas.values().stream().filter(replica -> replica.active).map(replica -> replica.spec.key())
                .toList();
    }

    @Override
    public void onExit(ReplicaKey key, Integer exitCode) {
        SupervisedReplica replica = replicas.get(key);
        if (replica != null) {
            // Only the parent of a process learns its exit code: a re-adopted replica's is not known.
            String reason = exitCode == null
                    ? "exited (exit code unknown to a spawner that re-adopted it)"
                    : "exited with code " + exitCode;
            workers.execute(() -> crashed(replica, exitCode, reason));
        }
    }

    /**
     * Ends supervision without stopping any replica: what happens to them is the runtimes' shutdown policy (left
     * running for the next spawner, or stopped).
     */
    @Override
    public void close() {
        replicas.values().forEach(replica -> {
            synchronized (replica) {
                replica.active = false;
                replica.cancelPending();
            }
        });
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private void launch(SupervisedReplica replica) {
        long generation;
        synchronized (replica) {
            if (!replica.active) {
                return;
            }
            generation = ++replica.generation;
        }
        RunningReplica running;
        try {
            running = replica.runtime.start(replica.spec);
        } catch (ReplicaRuntimeException e) {
            log.warn("replica {} did not start: {}", replica.spec.key(), e.getMessage());
            crashed(replica, e.exitCode(), firstLine(e.getMessage()));
            return;
        }
        synchronized (replica) {
            if (!replica.active || replica.generation != generation) {
                return;
            }
            replica.pending = scheduler.schedule(() -> workers.execute(() -> stable(replica, generation)),
                    settings.stableAfter().toMillis(), TimeUnit.MILLISECONDS);
        }
        publish(replica, State.RUNNING, running, null, "ready");
    }

    private void crashed(SupervisedReplica replica, Integer exitCode, String reason) {
        Instant now = clock.instant();
        int crashes;
        boolean looping;
        synchronized (replica) {
            if (!replica.active) {
                return;
            }
            replica.cancelPending();
            crashes = replica.crashes.record(now);
            looping = replica.crashes.isLooping();
            if (looping) {
                replica.active = false;
            } else {
                long delay = backoff.delay(replica.restartsSinceStable).toMillis();
                replica.restartsSinceStable++;
                replica.restarts++;
                replica.pending = scheduler.schedule(() -> workers.execute(() -> launch(replica)), delay,
                        TimeUnit.MILLISECONDS);
                publish(replica, State.RESTARTING, null, exitCode, reason + "; restart in " + delay + " ms");
                return;
            }
        }
        replica.runtime.stop(replica.spec.key());
        String why = "crash loop: " + crashes + " crashes within " + CrashLoopFinding.human(settings.crashLoopWindow())
                + ", last exit code " + exitCode + "; not restarted";
        log.error("replica {}: {}", replica.spec.key(), why);
        publish(replica, State.FAILED, null, exitCode, why);
        boolean alreadyFiring;
        synchronized (replica) {
            alreadyFiring = replica.findingSince != null;
            if (!alreadyFiring) {
                replica.findingSince = replica.crashes.firstCrash();
            }
        }
        if (!alreadyFiring) {
            events.finding(replica.spec, CrashLoopFinding.firing(replica.spec.key(), replica.spec.chainType(),
                    crashes, settings.crashLoopCrashes(), settings.crashLoopWindow(), exitCode,
                    replica.findingSince));
            journal.record(replica.spec, new ReplicaJournal.Change(State.FAILED, null, exitCode, why,
                    replica.restarts, replica.findingSince));
        }
    }

    private void stable(SupervisedReplica replica, long generation) {
        Instant since;
        synchronized (replica) {
            if (!replica.active || replica.generation != generation) {
                return;
            }
            replica.pending = null;
            replica.restartsSinceStable = 0;
            replica.crashes.clear();
            since = replica.findingSince;
            replica.findingSince = null;
        }
        if (since != null) {
            Instant now = clock.instant();
            events.finding(replica.spec, CrashLoopFinding.resolved(replica.spec.key(), replica.spec.chainType(),
                    settings.stableAfter(), since, now.isBefore(since) ? since : now));
            journal.record(replica.spec, new ReplicaJournal.Change(State.RUNNING,
                    replica.runtime.status(replica.spec.key()).orElse(null), null, "stable again", replica.restarts,
                    null));
        }
    }

    private void publish(SupervisedReplica replica, State state, RunningReplica running, Integer exitCode,
            String reason) {
        RunningReplica endpoints = running != null ? running : replica.runtime.status(replica.spec.key()).orElse(null);
        events.lifecycle(replica.spec, replica.runtime.kind(), state, endpoints, exitCode, reason, replica.restarts);
        Instant findingSince;
        synchronized (replica) {
            findingSince = replica.findingSince;
        }
        journal.record(replica.spec,
                new ReplicaJournal.Change(state, endpoints, exitCode, reason, replica.restarts, findingSince));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
