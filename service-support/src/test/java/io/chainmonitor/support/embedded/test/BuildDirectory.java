package io.chainmonitor.support.embedded.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The build output directory of the module whose tests run (Maven's {@code target/}): test data goes there. */
public final class BuildDirectory {

    /** A system property that names the build directory when tests do not run from the module's directory. */
    public static final String PROPERTY = "chain-monitor.build-directory";

    private BuildDirectory() {
    }

    public static Path path() {
        return Path.of(System.getProperty(PROPERTY, "target")).toAbsolutePath().normalize();
    }

    /** Where the PostgreSQL binaries are unpacked once for every test JVM of the build. */
    public static Path postgresRuntimeCache() {
        return path().resolve("embedded-postgres-runtime");
    }

    /** A new, empty directory under {@code <build directory>/embedded/}. */
    public static Path newTempDirectory(String prefix) {
        try {
            Path parent = Files.createDirectories(path().resolve("embedded"));
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory under " + path(), e);
        }
    }
}
