package io.chainmonitor.spawner.binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.chainmonitor.spawner.binary.NodeFiles.EM_386;
import static io.chainmonitor.spawner.binary.NodeFiles.EM_AARCH64;
import static io.chainmonitor.spawner.binary.NodeFiles.EM_X86_64;
import static io.chainmonitor.spawner.binary.NodeFiles.ET_DYN;
import static io.chainmonitor.spawner.binary.NodeFiles.ET_EXEC;
import static io.chainmonitor.spawner.binary.NodeFiles.ET_REL;
import static org.assertj.core.api.Assertions.assertThat;

class BinaryInspectorTest {

    @TempDir
    Path dir;

    @Test
    void x86And64BitArmExecutablesAreElfWhetherStaticOrPositionIndependent() throws IOException {
        assertThat(inspect(NodeFiles.elf(ET_EXEC, EM_X86_64)).kind()).isEqualTo(BinaryKind.ELF);
        assertThat(inspect(NodeFiles.elf(ET_DYN, EM_X86_64)).kind()).isEqualTo(BinaryKind.ELF);
        assertThat(inspect(NodeFiles.elf(ET_EXEC, EM_AARCH64)).kind()).isEqualTo(BinaryKind.ELF);
    }

    @Test
    void anElfFileThatCannotRunHereIsUnsupportedWithItsReason() throws IOException {
        assertThat(inspect(NodeFiles.elf(ET_EXEC, EM_386)).detail()).contains("machine 3");
        assertThat(inspect(NodeFiles.elf(ET_REL, EM_X86_64)).detail()).contains("not an executable");
        assertThat(inspect(NodeFiles.elf(1, ET_EXEC, EM_X86_64)).detail()).contains("32-bit");
    }

    @Test
    void aShebangScriptIsAScriptAndAnythingElseIsUnsupported() throws IOException {
        assertThat(inspect(NodeFiles.script()).kind()).isEqualTo(BinaryKind.SCRIPT);
        assertThat(inspect("#!no-path\n".getBytes(StandardCharsets.US_ASCII)).supported()).isFalse();
        Inspection garbage = inspect("just some text, not a program".getBytes(StandardCharsets.US_ASCII));
        assertThat(garbage.supported()).isFalse();
        assertThat(garbage.detail()).contains("neither an ELF executable nor a script");
        assertThat(inspect(new byte[0]).supported()).isFalse();
    }

    @Test
    void archivesHoldingTheChainsExecutableAreFoundInEveryFormatWithTheirEntryPoint() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("litecoin-0.21/README", "read me".getBytes(StandardCharsets.US_ASCII));
        files.put("litecoin-0.21/bin/litecoind", NodeFiles.x86Executable());
        assertThat(inspect(NodeFiles.tar(files))).isEqualTo(new Inspection(BinaryKind.TAR,
                "litecoin-0.21/bin/litecoind", null));
        assertThat(inspect(NodeFiles.tarGz(files)).kind()).isEqualTo(BinaryKind.TAR_GZIP);
        assertThat(inspect(NodeFiles.tarXz(files)).kind()).isEqualTo(BinaryKind.TAR_XZ);
        assertThat(inspect(NodeFiles.zip(files))).isEqualTo(new Inspection(BinaryKind.ZIP,
                "litecoin-0.21/bin/litecoind", null));
        assertThat(inspect(NodeFiles.tarGz(Map.of("litecoind", NodeFiles.script()))).entryPoint())
                .isEqualTo("litecoind");
    }

    @Test
    void anArchiveWithoutTheExecutableOrWithAnUnrunnableOneIsUnsupported() throws IOException {
        Inspection missing = inspect(NodeFiles.tarGz(Map.of("bin/bitcoind", NodeFiles.x86Executable())));
        assertThat(missing.supported()).isFalse();
        assertThat(missing.detail()).contains("no file named litecoind");
        Inspection text = inspect(NodeFiles.zip(Map.of("bin/litecoind", "hello".getBytes(StandardCharsets.UTF_8))));
        assertThat(text.supported()).isFalse();
        assertThat(text.detail()).contains("bin/litecoind is not runnable");
    }

    @Test
    void aCorruptArchiveIsUnsupportedNotAnError() throws IOException {
        byte[] gzip = NodeFiles.tarGz(Map.of("litecoind", NodeFiles.x86Executable()));
        byte[] truncated = Arrays.copyOf(gzip, 20);
        assertThat(inspect(truncated).supported()).isFalse();
    }

    @Test
    void anArchiveWithAnEntryOrALinkLeavingItsTreeOrTooManyEntriesIsUnsupported() throws IOException {
        Map<String, byte[]> escaping = new LinkedHashMap<>();
        escaping.put("bin/litecoind", NodeFiles.x86Executable());
        escaping.put("bin/../../etc/cron.d/evil", "* * * * * root sh\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(inspect(NodeFiles.tarGz(escaping)).detail())
                .isEqualTo("the archive's entry 'bin/../../etc/cron.d/evil' would be unpacked outside its directory");

        assertThat(inspect(NodeFiles.zip(Map.of("/usr/bin/litecoind", NodeFiles.x86Executable()))).detail())
                .contains("would be unpacked outside its directory");

        assertThat(inspect(tarWithLink("bin/lib", "../../etc")).detail())
                .isEqualTo("the archive's entry 'bin/lib' links to '../../etc', outside its directory");
        assertThat(inspect(tarWithLink("bin/shell", "/bin/sh")).supported()).isFalse();
        assertThat(inspect(tarWithLink("bin/current", "../lib/node")).supported()).isTrue();

        Map<String, byte[]> many = new LinkedHashMap<>();
        many.put("bin/litecoind", NodeFiles.x86Executable());
        for (int i = 0; i < BinaryInspector.MAX_ENTRIES; i++) {
            many.put("share/" + i, new byte[0]);
        }
        assertThat(inspect(NodeFiles.zip(many)).detail())
                .isEqualTo("the archive has more than " + BinaryInspector.MAX_ENTRIES + " entries");
    }

    /** A tar.gz with the node and a symbolic link {@code name} → {@code target}. */
    private static byte[] tarWithLink(String name, String target) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            byte[] node = NodeFiles.x86Executable();
            TarArchiveEntry file = new TarArchiveEntry("bin/litecoind");
            file.setSize(node.length);
            file.setMode(0755);
            tar.putArchiveEntry(file);
            tar.write(node);
            tar.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            link.setLinkName(target);
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private Inspection inspect(byte[] content) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "upload", ".bin"), content);
        return BinaryInspector.inspect(file, "litecoind");
    }
}
