package io.chainmonitor.spawner.binary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.chainmonitor.spawner.SpawnerProperties;

/**
 * The content-addressed binary store: {@code <store>/sha256/<hash>}, one read-only file per distinct content, moved
 * into place atomically from {@code <store>/tmp}, so that a reader never sees a partial file; an archive deployed is
 * unpacked once into {@code <store>/unpacked/<hash>}, moved into place the same way.
 */
@Component
class BinaryStore {

    private static final Set<PosixFilePermission> RUNNABLE = PosixFilePermissions.fromString("r-xr-xr-x");
    private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--r--r--");

    private final Path root;

    BinaryStore(SpawnerProperties properties) {
        this.root = properties.binary().store().toAbsolutePath().normalize();
    }

    /** A new, empty temporary file inside the store, on the same file system as the final place. */
    Path newTempFile() throws IOException {
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        return Files.createTempFile(tmp, "upload-", ".part");
    }

    /** Where the archive of this hash is unpacked, once, for its entry point to run. */
    Path unpackedPathOf(String sha256) {
        return root.resolve("unpacked").resolve(sha256);
    }

    /** A new, empty temporary directory inside the store, on the same file system as the final places. */
    Path newTempDirectory() throws IOException {
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        return Files.createTempDirectory(tmp, "unpack-");
    }

    /** Where the binary of this hash lives. */
    Path pathOf(String sha256) {
        return root.resolve("sha256").resolve(sha256);
    }

    /** Moves a verified temporary file to its hash's place; when that content is already stored, keeps the old file. */
    Path store(Path temp, String sha256, boolean runnable) {
        Path target = pathOf(sha256);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                return target;
            }
            Files.setPosixFilePermissions(temp, runnable ? RUNNABLE : READ_ONLY);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                if (!Files.exists(target)) {
                    throw raced;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store binary " + sha256, e);
        }
    }

    /** Deletes a temporary file, if it is still there. */
    void discard(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary upload " + temp, e);
        }
    }
}
