package io.chainmonitor.spawner.binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private Inspection inspect(byte[] content) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "upload", ".bin"), content);
        return BinaryInspector.inspect(file, "litecoind");
    }
}
