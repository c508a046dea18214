package io.chainmonitor.spawner.binary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.chainmonitor.spawner.SpawnerException;
import io.chainmonitor.spawner.SpawnerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveUnpackerTest {

    @TempDir
    Path directory;

    @Test
    void aTarGzIsUnpackedOnceWithItsEntryPointRunnableEverythingReadOnlyAndNoLinks() throws IOException {
        ArchiveUnpacker unpacker = unpacker(DataSize.ofMegabytes(1));
        BinaryRecord archive = store(BinaryKind.TAR_GZIP, "node-1.0/bin/anvil", tarGz());

        Path entryPoint = unpacker.entryPoint(archive);

        Path root = directory.resolve("store/unpacked").resolve(archive.sha256()).toAbsolutePath();
        assertThat(entryPoint).isEqualTo(root.resolve("node-1.0/bin/anvil"));
        assertThat(Files.getPosixFilePermissions(entryPoint)).isEqualTo(PosixFilePermissions.fromString("r-xr-xr-x"));
        assertThat(Files.getPosixFilePermissions(root.resolve("node-1.0/README")))
                .isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
        assertThat(root.resolve("node-1.0/bin/link")).doesNotExist();
        assertThat(directory.resolve("store/tmp")).isEmptyDirectory();

        // Deployed again: the unpacked tree is used as it is, the archive is not read again.
        Files.delete(directory.resolve("store/sha256").resolve(archive.sha256()));
        assertThat(unpacker.entryPoint(archive)).isEqualTo(entryPoint);
    }

    @Test
    void anEntryOutsideTheTreeIsRefusedAndNothingIsUnpacked() throws IOException {
        ArchiveUnpacker unpacker = unpacker(DataSize.ofMegabytes(1));
        BinaryRecord archive = store(BinaryKind.ZIP, "anvil", zip("../escaped", "anvil"));

        assertThatThrownBy(() -> unpacker.entryPoint(archive)).isInstanceOfSatisfying(SpawnerException.class,
                e -> assertThat(e.reason()).isEqualTo(SpawnerException.Reason.ARCHIVE_DEPLOY_UNSUPPORTED))
                .hasMessageContaining("'../escaped' would be unpacked outside its directory");
        assertThat(directory.resolve("store/unpacked").resolve(archive.sha256())).doesNotExist();
        assertThat(directory.resolve("store/escaped")).doesNotExist();
        assertThat(directory.resolve("store/tmp")).isEmptyDirectory();
    }

    @Test
    void anArchiveThatUnpacksFarLargerThanTheUploadLimitIsRefused() throws IOException {
        ArchiveUnpacker unpacker = unpacker(DataSize.ofBytes(100));
        BinaryRecord archive = store(BinaryKind.ZIP, "anvil", zip("anvil", "padding"));

        assertThatThrownBy(() -> unpacker.entryPoint(archive)).isInstanceOf(SpawnerException.class)
                .hasMessageContaining("unpacks to more than 8 times the largest upload");
        assertThat(directory.resolve("store/unpacked").resolve(archive.sha256())).doesNotExist();
    }

    @Test
    void anArchiveWithMoreEntriesThanAllowedIsRefusedAndNothingIsUnpacked() throws IOException {
        ArchiveUnpacker unpacker = new ArchiveUnpacker(new BinaryStore(properties(DataSize.ofMegabytes(1))),
                1024 * 1024, 2);
        BinaryRecord archive = store(BinaryKind.ZIP, "anvil", zip("anvil", "README"));
        BinaryRecord more = store(BinaryKind.TAR_GZIP, "anvil",
                NodeFiles.tarGz(Map.of("anvil", "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII), "a",
                        new byte[0], "b", new byte[0])));

        assertThat(unpacker.entryPoint(archive)).isExecutable();
        assertThatThrownBy(() -> unpacker.entryPoint(more)).isInstanceOf(SpawnerException.class)
                .hasMessageContaining("it has more than 2 entries");
        assertThat(directory.resolve("store/unpacked").resolve(more.sha256())).doesNotExist();
        assertThat(directory.resolve("store/tmp")).isEmptyDirectory();
    }

    private ArchiveUnpacker unpacker(DataSize maxSize) {
        SpawnerProperties properties = properties(maxSize);
        return new ArchiveUnpacker(new BinaryStore(properties), properties);
    }

    private SpawnerProperties properties(DataSize maxSize) {
        return new SpawnerProperties(null, new SpawnerProperties.Binary(directory.resolve("store"), maxSize, null),
                null, null, null, null);
    }

    private BinaryRecord store(BinaryKind kind, String entryPoint, byte[] content) throws IOException {
        String sha256 = NodeFiles.sha256(content);
        Path file = directory.resolve("store/sha256").resolve(sha256);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return new BinaryRecord(sha256, content.length, kind, entryPoint, "tester", Instant.now());
    }

    /** A release as projects ship them: a directory, the node (not marked runnable), a read-me and a link. */
    private static byte[] tarGz() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> files = Map.of("node-1.0/bin/anvil", "#!/bin/sh\necho node\n", "node-1.0/README",
                "read me\n");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.putArchiveEntry(new TarArchiveEntry("node-1.0/bin/"));
            tar.closeArchiveEntry();
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                byte[] data = file.getValue().getBytes(StandardCharsets.UTF_8);
                entry.setMode(0644);
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
            TarArchiveEntry link = new TarArchiveEntry("node-1.0/bin/link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String first, String second) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of(first, second)) {
            files.put(name, (name.equals("padding") ? "x".repeat(4096) : "#!/bin/sh\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return NodeFiles.zip(files);
    }
}
