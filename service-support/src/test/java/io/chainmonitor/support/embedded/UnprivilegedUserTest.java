package io.chainmonitor.support.embedded;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnprivilegedUserTest {

    @Test
    void runsProgramsAsAUserOtherThanRoot() throws Exception {
        Process process = new ProcessBuilder(UnprivilegedUser.current().command(List.of("id", "-u")))
                .redirectErrorStream(true)
                .start();
        String uid = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(uid).isNotEqualTo("0").matches("[0-9]+");
    }

    @Test
    void wrapsProgramsInAUserNamespaceExactlyWhenThisJvmIsRoot() {
        List<String> command = UnprivilegedUser.current().command(List.of("postgres", "--version"));

        if (UnprivilegedUser.isRoot()) {
            assertThat(command).startsWith(UnprivilegedUser.USER_NAMESPACE.toArray(String[]::new))
                    .endsWith("postgres", "--version");
        } else {
            assertThat(command).containsExactly("postgres", "--version");
        }
    }
}
