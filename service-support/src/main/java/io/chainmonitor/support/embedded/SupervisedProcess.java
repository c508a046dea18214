package io.chainmonitor.support.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server program started under a small {@code sh} supervisor. The supervisor sends the server SIGINT as soon as its
 * standard input reaches end of file: when {@link #stop} closes it, and also when this JVM dies without running its
 * shutdown hooks (killed), since the kernel then closes the pipe. So the server never outlives the JVM by more than
 * its own shutdown.
 */
final class SupervisedProcess {

    private static final Logger log = LoggerFactory.getLogger(SupervisedProcess.class);

    // fd 3 keeps the JVM's pipe for the watcher, which outlives the server by no more than the supervisor does.
    private static final String SUPERVISOR = """
            exec 3<&0 0</dev/null
            "$@" 3<&- &
            server=$!
            (while read -r line <&3; do :; done; kill -INT "$server" 2>/dev/null) &
            watcher=$!
            wait "$server"
            status=$?
            kill "$watcher" 2>/dev/null
            exit "$status"
            """;

    private final String name;
    private final Process supervisor;

    private SupervisedProcess(String name, Process supervisor) {
        this.name = name;
        this.supervisor = supervisor;
    }

    /** Starts {@code command}, its standard output and error appended to {@code log}. */
    static SupervisedProcess start(String name, List<String> command, Path log) throws IOException {
        List<String> line = new ArrayList<>(List.of("sh", "-c", SUPERVISOR, name));
        line.addAll(command);
        Process supervisor = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new SupervisedProcess(name, supervisor);
    }

    boolean isAlive() {
        return supervisor.isAlive();
    }

    /** Waits until the server exits or {@code timeout} passes; true if it has exited. */
    boolean awaitExit(Duration timeout) {
        try {
            return supervisor.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !supervisor.isAlive();
        }
    }

    int exitValue() {
        return supervisor.exitValue();
    }

    /** Asks the server to stop (SIGINT) and waits; kills it and everything it started if it overruns {@code timeout}. */
    void stop(Duration timeout) {
        Deadline deadline = Deadline.in(timeout);
        List<ProcessHandle> started = supervisor.descendants().toList();
        try {
            supervisor.getOutputStream().close();
        } catch (IOException e) {
            log.debug("Closing the {} supervisor's input failed; it is killed if it does not stop", name, e);
        }
        if (!awaitExit(deadline.remaining())) {
            log.warn("{} did not stop within {}; killing it", name, timeout);
            started.forEach(ProcessHandle::destroyForcibly);
            supervisor.destroyForcibly();
        }
        for (ProcessHandle process : started) {
            awaitExit(process, deadline);
        }
    }

    private void awaitExit(ProcessHandle process, Deadline deadline) {
        try {
            process.onExit().get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("{} left process {} running; killing it", name, process.pid());
            process.destroyForcibly();
        } catch (ExecutionException e) {
            log.debug("Cannot wait for process {}", process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
