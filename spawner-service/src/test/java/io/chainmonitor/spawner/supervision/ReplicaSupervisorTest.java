package io.chainmonitor.spawner.supervision;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.project.ReplicaLifecycle.State;
import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaListener;
import io.chainmonitor.spawner.runtime.ReplicaRuntime;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimes;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.runtime.RuntimeKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The supervisor's rules against a scripted runtime and a clock the test moves. */
class ReplicaSupervisorTest {

    private static final ReplicaKey KEY = new ReplicaKey("p-1", "r-1");
    private static final ReplicaSpec SPEC = new ReplicaSpec(KEY, "anvil", "local", Path.of("/opt/node"), List.of(),
            Map.of(), null, Set.of(PortRole.RPC), null);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MovableClock clock = new MovableClock();
    private final ScriptedRuntime runtime = new ScriptedRuntime();
    private final RecordingEvents events = new RecordingEvents();
    private final List<ReplicaJournal.Change> journal = Collections.synchronizedList(new ArrayList<>());
    private ReplicaSupervisor supervisor;

    @AfterEach
    void close() {
        supervisor.close();
    }

    @Test
    void aCrashedReplicaIsRestartedAndEveryStateChangeIsPublished() {
        supervisor = supervisor(Duration.ofMinutes(10));
        supervisor.supervise(SPEC);
        await().atMost(WAIT).until(() -> events.states().contains(State.RUNNING));

        supervisor.onExit(KEY, 137);

        await().atMost(WAIT).until(() -> runtime.starts.get() == 2 && events.states().size() == 4);
        assertThat(events.states()).containsExactly(State.STARTING, State.RUNNING, State.RESTARTING, State.RUNNING);
        assertThat(events.lifecycles.stream().filter(event -> event.state() == State.RESTARTING).findFirst()
                .orElseThrow()).satisfies(restarting -> {
                    assertThat(restarting.exitCode()).isEqualTo(137);
                    assertThat(restarting.restarts()).isEqualTo(1);
                });
        assertThat(events.findings).isEmpty();
    }

    @Test
    void aCrashLoopStopsTheRestartsAndRaisesOneFinding() {
        supervisor = supervisor(Duration.ofMinutes(10));
        runtime.failEveryStart = true;

        supervisor.supervise(SPEC);

        await().atMost(WAIT).until(() -> events.states().contains(State.FAILED));
        assertThat(runtime.starts.get()).isEqualTo(3);
        assertThat(events.states()).containsExactly(State.STARTING, State.RESTARTING, State.RESTARTING,
                State.FAILED);
        assertThat(events.findings).singleElement().satisfies(finding -> {
            assertThat(finding.status()).isEqualTo(Finding.Status.FIRING);
            assertThat(finding.summary()).contains("3 times", "last exit code 1");
        });
        assertThat(runtime.stopped).contains(KEY);
        assertThat(supervisor.supervised()).isEmpty();
    }

    @Test
    void crashesSpreadBeyondTheWindowAreNoCrashLoop() {
        supervisor = supervisor(Duration.ofMinutes(10));
        supervisor.supervise(SPEC);
        for (int crash = 1; crash <= 4; crash++) {
            int started = crash;
            await().atMost(WAIT).until(() -> runtime.starts.get() == started && runtime.running);
            runtime.running = false;
            clock.advance(Duration.ofSeconds(40));
            supervisor.onExit(KEY, 1);
        }

        await().atMost(WAIT).until(() -> runtime.starts.get() == 5);
        assertThat(events.states()).doesNotContain(State.FAILED);
    }

    @Test
    void aReplicaStartedAgainAfterItsCrashLoopResolvesTheFindingOnceItRunsStably() {
        supervisor = supervisor(Duration.ofMillis(300));
        runtime.failEveryStart = true;
        supervisor.supervise(SPEC);
        await().atMost(WAIT).until(() -> events.findings.size() == 1);

        runtime.failEveryStart = false;
        supervisor.supervise(SPEC);

        await().atMost(WAIT).until(() -> events.findings.size() == 2);
        Finding firing = events.findings.getFirst();
        Finding resolved = events.findings.get(1);
        assertThat(resolved.status()).isEqualTo(Finding.Status.RESOLVED);
        assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
    }

    @Test
    void aFindingThatFiredBeforeARestartOfTheSpawnerIsResolvedNotRaisedAgainAndTheJournalFollows() {
        supervisor = supervisor(Duration.ofMillis(300));
        Instant firingSince = Instant.parse("2026-11-22T02:55:00Z");

        supervisor.supervise(SPEC, 4, firingSince);

        await().atMost(WAIT).until(() -> events.findings.size() == 1);
        assertThat(events.findings.getFirst()).satisfies(resolved -> {
            assertThat(resolved.status()).isEqualTo(Finding.Status.RESOLVED);
            assertThat(resolved.startsAt()).isEqualTo(firingSince);
        });
        assertThat(events.lifecycles).extracting(Lifecycle::restarts).containsOnly(4);
        await().atMost(WAIT).until(() -> journal.size() == 3);
        assertThat(journal).extracting(ReplicaJournal.Change::state).containsExactly(State.STARTING, State.RUNNING,
                State.RUNNING);
        assertThat(journal).extracting(ReplicaJournal.Change::crashLoopSince).containsExactly(firingSince,
                firingSince, null);
    }

    @Test
    void aStoppedReplicaIsNotRestartedWhenItsProcessEnds() {
        supervisor = supervisor(Duration.ofMinutes(10));
        supervisor.supervise(SPEC);
        await().atMost(WAIT).until(() -> events.states().contains(State.RUNNING));

        supervisor.stop(KEY);
        supervisor.onExit(KEY, 143);

        assertThat(events.states()).containsExactly(State.STARTING, State.RUNNING, State.STOPPED);
        assertThat(runtime.starts.get()).isEqualTo(1);
    }

    private ReplicaSupervisor supervisor(Duration stableAfter) {
        SpawnerProperties.Supervision settings = new SpawnerProperties.Supervision(Duration.ofMillis(10),
                Duration.ofMillis(40), 2.0, stableAfter, 3, Duration.ofMinutes(1));
        return new ReplicaSupervisor(new ReplicaRuntimes(List.of(runtime)), events,
                (spec, change) -> journal.add(change), settings,
                clock,
                Executors.newSingleThreadScheduledExecutor(), Executors.newVirtualThreadPerTaskExecutor());
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-22T03:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static final class RecordingEvents extends LifecycleEvents {
        final List<Lifecycle> lifecycles = Collections.synchronizedList(new ArrayList<>());
        final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());

        RecordingEvents() {
            super(null);
        }

        @Override
        void lifecycle(ReplicaSpec spec, RuntimeKind runtime, State state, RunningReplica running, Integer exitCode,
                String reason, int restarts) {
            lifecycles.add(new Lifecycle(state, exitCode, restarts));
        }

        @Override
        void finding(ReplicaSpec spec, Finding finding) {
            findings.add(finding);
        }

        List<State> states() {
            synchronized (lifecycles) {
                return lifecycles.stream().map(Lifecycle::state).toList();
            }
        }
    }

    private record Lifecycle(State state, Integer exitCode, int restarts) {
    }

    private static final class ScriptedRuntime implements ReplicaRuntime {
        final AtomicInteger starts = new AtomicInteger();
        final ConcurrentLinkedQueue<ReplicaKey> stopped = new ConcurrentLinkedQueue<>();
        volatile boolean failEveryStart;
        volatile boolean running;

        @Override
        public RuntimeKind kind() {
            return RuntimeKind.PROCESS;
        }

        @Override
        public boolean serves(String location) {
            return true;
        }

        @Override
        public Map<PortRole, Integer> reservePorts(Set<PortRole> roles) {
            return Map.of();
        }

        @Override
        public void releasePorts(Map<PortRole, Integer> ports) {
            // This runtime hands out no ports.
        }

        @Override
        public RunningReplica start(ReplicaSpec spec) {
            starts.incrementAndGet();
            if (failEveryStart) {
                throw new ReplicaRuntimeException(ReplicaRuntimeException.Reason.EXITED_BEFORE_READY,
                        "exited with 1 before it was ready", 1, null);
            }
            running = true;
            return new RunningReplica(spec.key(), spec.chainType(), RuntimeKind.PROCESS, 4242L,
                    Map.of(PortRole.RPC, 8545), null, ReplicaState.RUNNING, null, Instant.now(), false, 0);
        }

        @Override
        public void stop(ReplicaKey key) {
            stopped.add(key);
        }

        @Override
        public void kill(ReplicaKey key) {
        }

        @Override
        public Optional<RunningReplica> status(ReplicaKey key) {
            return Optional.empty();
        }

        @Override
        public List<RunningReplica> replicas() {
            return List.of();
        }

        @Override
        public void addListener(ReplicaListener listener) {
        }

        @Override
        public void release() {
        }

        @Override
        public boolean keepsReplicasOnShutdown() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
