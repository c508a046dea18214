package io.chainmonitor.health.rules;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A task run in rounds on its own thread, at once and then at a fixed delay, from the context's start to its stop. A
 * failing round is logged and the next one tries again.
 */
public abstract class PeriodicRound implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRound.class);

    private final String name;
    private final Duration interval;
    private ScheduledExecutorService executor;

    protected PeriodicRound(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One round of the work. */
    protected abstract void round();

    /** Runs a round now, besides the schedule; does nothing while stopped. */
    protected synchronized void runSoon() {
        if (executor != null) {
            try {
                executor.execute(this::guardedRound);
            } catch (RejectedExecutionException e) {
                // Stopping: the work waits for the next start.
            }
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
            executor.scheduleWithFixedDelay(this::guardedRound, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void guardedRound() {
        try {
            round();
        } catch (RuntimeException e) {
            // A database or broker hiccup must not end the schedule.
            log.warn("{} round failed: {}", name, e.toString());
        }
    }
}
