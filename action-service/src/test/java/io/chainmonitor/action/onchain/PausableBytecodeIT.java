package io.chainmonitor.action.onchain;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.TestBinaries;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped Pausable bytecode is what solc 0.8.37 (optimizer on) makes of the shipped source. */
class PausableBytecodeIT {

    @Test
    void theShippedBytecodeIsTheCompiledSource() throws Exception {
        Path source = Path.of("src/test/resources/onchain/Pausable.sol").toAbsolutePath();
        Path out = BuildDirectory.newTempDirectory("solc-");
        Process solc = new ProcessBuilder(TestBinaries.required("chain-monitor.test.solcjs").toString(), "--bin",
                "--optimize", "-o", out.toString(), "Pausable.sol").directory(source.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(out.resolve("solc.log").toFile()).start();
        assertThat(solc.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(solc.exitValue()).as(Files.readString(out.resolve("solc.log"))).isZero();

        assertThat(Files.readString(out.resolve("Pausable_sol_Pausable.bin"), StandardCharsets.UTF_8).strip())
                .isEqualTo(Files.readString(source.resolveSibling("Pausable.bin"), StandardCharsets.UTF_8).strip());
    }
}
