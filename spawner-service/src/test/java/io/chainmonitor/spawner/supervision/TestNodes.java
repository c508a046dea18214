package io.chainmonitor.spawner.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real node programs the ITs run, as Maven names them ({@code chain-monitor.test.<node>}). */
public final class TestNodes {

    // Debian installs litecoind as a shell wrapper that ends in exec <its library directory>/litecoind "$@"
    private static final Pattern EXEC = Pattern.compile("(?m)^exec (/\\S+) \"\\$@\"$");

    private TestNodes() {
    }

    /** The configured node: an absolute path, or a program name looked up on the PATH. */
    public static Path requiredBinary(String property) {
        String configured = System.getProperty(property);
        if (configured == null) {
            throw new IllegalStateException(property + " is not set; run the ITs through Maven");
        }
        Path direct = Path.of(configured);
        if (direct.isAbsolute()) {
            if (!Files.isExecutable(direct)) {
                throw new IllegalStateException(direct + " is missing: run scripts/install-test-nodes.sh");
            }
            return direct;
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(entry, configured);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(configured + " is not on the PATH: run scripts/install-test-nodes.sh");
    }

    /** The node's own executable file: symbolic links resolved and a distribution's {@code exec} wrapper followed. */
    public static Path realExecutable(Path program) {
        try {
            Path real = program.toRealPath();
            byte[] content = Files.readAllBytes(real);
            if (content.length < 2 || content[0] != '#' || content[1] != '!') {
                return real;
            }
            Matcher wrapped = EXEC.matcher(new String(content, StandardCharsets.UTF_8));
            return wrapped.find() ? realExecutable(Path.of(wrapped.group(1))) : real;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
