package io.chainmonitor.spawner.binary;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.chainmonitor.spawner.SpawnerException;
import io.chainmonitor.spawner.SpawnerException.Reason;
import io.chainmonitor.spawner.SpawnerProperties;

/**
 * Unpacks a stored archive once per hash into {@code <store>/unpacked/<hash>}: into a temporary directory first, then
 * moved into place, so that a half-unpacked tree is never run. Only regular files and directories inside the tree are
 * written (no absolute paths, no {@code ..}, no links, devices or pipes); files keep their owner's execute bit, the
 * entry point is made runnable, and everything is read-only. The unpacked size and the number of entries are bounded.
 */
@Component
class ArchiveUnpacker {

    /** How much larger than the largest upload an archive may grow when unpacked. */
    static final int EXPANSION_LIMIT = 8;

    private final BinaryStore store;
    private final long maxUnpackedBytes;
    private final int maxEntries;

    @Autowired
    ArchiveUnpacker(BinaryStore store, SpawnerProperties properties) {
        this(store, properties.binary().maxSize().toBytes() * EXPANSION_LIMIT, BinaryInspector.MAX_ENTRIES);
    }

    ArchiveUnpacker(BinaryStore store, long maxUnpackedBytes, int maxEntries) {
        this.store = store;
        this.maxUnpackedBytes = maxUnpackedBytes;
        this.maxEntries = maxEntries;
    }

    /** The runnable entry point of the archive, unpacking it first unless an earlier deploy already did. */
    Path entryPoint(BinaryRecord archive) {
        Path target = store.unpackedPathOf(archive.sha256());
        Path entryPoint = inside(target, archive.entryPoint());
        if (Files.isDirectory(target)) {
            return entryPoint;
        }
        Path temporary = null;
        try {
            temporary = store.newTempDirectory();
            unpack(archive, temporary);
            if (!Files.isRegularFile(inside(temporary, archive.entryPoint()))) {
                throw refused(archive, "its entry point " + archive.entryPoint() + " was not unpacked");
            }
            Files.setPosixFilePermissions(inside(temporary, archive.entryPoint()),
                    PosixFilePermissions.fromString("r-xr-xr-x"));
            Files.createDirectories(target.getParent());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                temporary = null;
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                // Another deploy unpacked the same archive meanwhile: its tree is as good as ours.
            }
            return entryPoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive.sha256(), e);
        } finally {
            deleteTree(temporary);
        }
    }

    private void unpack(BinaryRecord archive, Path into) throws IOException {
        long written = 0;
        int count = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(store.pathOf(archive.sha256())));
                ArchiveInputStream<?> entries = BinaryInspector.open(archive.kind(), raw)) {
            ArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (++count > maxEntries) {
                    throw refused(archive, "it has more than " + maxEntries + " entries");
                }
                Path path = inside(into, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                if (!isRegularFile(entry)) {
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (OutputStream out = Files.newOutputStream(path)) {
                    written += copy(entries, out, maxUnpackedBytes - written, archive);
                }
                Files.setPosixFilePermissions(path, PosixFilePermissions
                        .fromString((mode(entry) & 0100) != 0 ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    private static long copy(InputStream in, OutputStream out, long allowed, BinaryRecord archive)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            copied += read;
            if (copied > allowed) {
                throw refused(archive, "it unpacks to more than " + EXPANSION_LIMIT + " times the largest upload");
            }
            out.write(buffer, 0, read);
        }
        return copied;
    }

    /** A path inside {@code root}; an entry that would land outside (absolute, or with {@code ..}) is refused. */
    static Path inside(Path root, String name) {
        Path path = root.resolve(name.startsWith("./") ? name.substring(2) : name).normalize();
        if (name.startsWith("/") || !path.startsWith(root) || path.equals(root)) {
            throw new SpawnerException(Reason.ARCHIVE_DEPLOY_UNSUPPORTED,
                    "the archive entry '" + name + "' would be unpacked outside its directory");
        }
        return path;
    }

    private static boolean isRegularFile(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry tar) {
            return tar.isFile() && !tar.isSymbolicLink() && !tar.isLink() && !tar.isCharacterDevice()
                    && !tar.isBlockDevice() && !tar.isFIFO();
        }
        return !(entry instanceof ZipArchiveEntry zip) || !zip.isUnixSymlink();
    }

    private static int mode(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry tar) {
            return tar.getMode();
        }
        if (entry instanceof ZipArchiveEntry zip) {
            return zip.getUnixMode();
        }
        return 0;
    }

    private static SpawnerException refused(BinaryRecord archive, String why) {
        return new SpawnerException(Reason.ARCHIVE_DEPLOY_UNSUPPORTED,
                "the archive " + archive.sha256() + " cannot be deployed: " + why);
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                path.toFile().setWritable(true);
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + root, e);
        }
    }
}
