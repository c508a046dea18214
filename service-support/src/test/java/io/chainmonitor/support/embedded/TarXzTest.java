package io.chainmonitor.support.embedded;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;

import io.chainmonitor.support.embedded.test.BuildTempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TarXzTest {

    @Test
    void unpacksFilesWithTheirPermissionBitsAndLinks(@BuildTempDir Path target) throws IOException {
        byte[] archive = archive(tar -> {
            directory(tar, "bin/");
            file(tar, "bin/postgres", 0755, "#!/bin/sh\n");
            file(tar, "lib/libpq.so.5.18", 0644, "library");
            link(tar, TarArchiveEntry.LF_SYMLINK, "lib/libpq.so", "libpq.so.5.18");
            link(tar, TarArchiveEntry.LF_LINK, "lib/libpq.so.5", "lib/libpq.so.5.18");
        });

        TarXz.extract(new ByteArrayInputStream(archive), target);

        assertThat(Files.getPosixFilePermissions(target.resolve("bin/postgres")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(target.resolve("lib/libpq.so.5.18")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.readSymbolicLink(target.resolve("lib/libpq.so"))).isEqualTo(Path.of("libpq.so.5.18"));
        assertThat(target.resolve("lib/libpq.so")).hasContent("library");
        assertThat(Files.isSameFile(target.resolve("lib/libpq.so.5"), target.resolve("lib/libpq.so.5.18"))).isTrue();
    }

    @Test
    void refusesEntriesThatLeaveTheTargetDirectory(@BuildTempDir Path target) throws IOException {
        byte[] escapingFile = archive(tar -> file(tar, "../outside", 0644, "x"));
        byte[] escapingLink = archive(tar -> link(tar, TarArchiveEntry.LF_SYMLINK, "lib/passwd", "../../etc/passwd"));

        assertThatThrownBy(() -> TarXz.extract(new ByteArrayInputStream(escapingFile), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("../outside");
        assertThatThrownBy(() -> TarXz.extract(new ByteArrayInputStream(escapingLink), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outside");
        assertThat(target.resolveSibling("outside")).doesNotExist();
        assertThat(target.resolve("lib/passwd")).doesNotExist();
    }

    private interface Entries {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static byte[] archive(Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(bytes))) {
            entries.write(tar);
        }
        return bytes.toByteArray();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name));
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, int mode, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream tar, byte type, String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}
