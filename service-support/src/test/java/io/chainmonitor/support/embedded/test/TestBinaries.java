package io.chainmonitor.support.embedded.test;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real node programs the ITs run, as Maven names them ({@code chain-monitor.test.<node>}). */
public final class TestBinaries {

    private TestBinaries() {
    }

    /** The configured node: an absolute path, or a program name looked up on the PATH. */
    public static Path required(String property) {
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
}
