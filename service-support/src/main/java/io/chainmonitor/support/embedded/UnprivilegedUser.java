package io.chainmonitor.support.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.support.embedded.EmbeddedRuntimeException.Reason;

/**
 * Runs PostgreSQL's programs as a user they accept. {@code initdb} and {@code postgres} refuse to run as root, so when
 * this JVM is root they run under a user namespace that maps uid 65534 onto root: inside, they see an unprivileged
 * user; outside, the files they create belong to root like the rest of the data directory.
 */
final class UnprivilegedUser {

    private static final Logger log = LoggerFactory.getLogger(UnprivilegedUser.class);
    private static final String NOBODY = "65534";
    static final List<String> USER_NAMESPACE = List.of("unshare", "--user", "--map-user=" + NOBODY,
            "--map-group=" + NOBODY, "--");

    private static volatile UnprivilegedUser current;

    private final List<String> prefix;

    private UnprivilegedUser(List<String> prefix) {
        this.prefix = prefix;
    }

    /** How this JVM runs PostgreSQL; probed once. */
    static UnprivilegedUser current() {
        UnprivilegedUser user = current;
        if (user == null) {
            synchronized (UnprivilegedUser.class) {
                if (current == null) {
                    current = isRoot() ? probeUserNamespace() : new UnprivilegedUser(List.of());
                }
                user = current;
            }
        }
        return user;
    }

    /** {@code program} as a command line that runs it as this user. */
    List<String> command(List<String> program) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(program);
        return command;
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static UnprivilegedUser probeUserNamespace() {
        List<String> probe = new ArrayList<>(USER_NAMESPACE);
        probe.addAll(List.of("id", "-u"));
        String outcome;
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                outcome = "it did not finish within 10 s";
            } else if (process.exitValue() == 0 && output.equals(NOBODY)) {
                log.debug("Running PostgreSQL as uid {} in a user namespace because this JVM is root", NOBODY);
                return new UnprivilegedUser(USER_NAMESPACE);
            } else {
                outcome = "it exited with " + process.exitValue() + ": " + output;
            }
        } catch (IOException e) {
            outcome = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        }
        throw new EmbeddedRuntimeException(Reason.NO_UNPRIVILEGED_USER, "this JVM runs as root and PostgreSQL refuses"
                + " to run as root; the embedded PostgreSQL therefore runs it as uid " + NOBODY
                + " in a user namespace (" + String.join(" ", probe) + "), but " + outcome + ". Run the JVM as a"
                + " non-root user, or allow user namespaces (util-linux unshare installed, sysctl"
                + " user.max_user_namespaces > 0, a container profile that permits unshare(CLONE_NEWUSER))");
    }
}
