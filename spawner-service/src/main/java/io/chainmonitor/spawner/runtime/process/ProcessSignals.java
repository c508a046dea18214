package io.chainmonitor.spawner.runtime.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a node's process and every process it started: SIGTERM to the whole tree, then SIGKILL to what is still alive
 * after the grace period; or SIGKILL at once. {@link ProcessHandle#destroy()} is SIGTERM and
 * {@link ProcessHandle#destroyForcibly()} SIGKILL on Linux.
 */
final class ProcessSignals {

    private ProcessSignals() {
    }

    /** SIGTERM, then SIGKILL after {@code grace}; returns once the process has ended. */
    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = tree(process);
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(process, grace)) {
            kill(process);
            return;
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL to the process and its descendants; returns once the process has ended (bounded). */
    static void kill(ProcessHandle process) {
        // Children first: once the parent is gone they are re-parented and no longer its descendants.
        List<ProcessHandle> tree = tree(process);
        tree.reversed().forEach(ProcessHandle::destroyForcibly);
        awaitExit(process, Duration.ofSeconds(10));
    }

    private static List<ProcessHandle> tree(ProcessHandle process) {
        List<ProcessHandle> tree = new java.util.ArrayList<>();
        tree.add(process);
        tree.addAll(process.descendants().toList());
        return tree;
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
