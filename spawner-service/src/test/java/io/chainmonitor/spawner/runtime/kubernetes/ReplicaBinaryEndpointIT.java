package io.chainmonitor.spawner.runtime.kubernetes;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.chainmonitor.spawner.SpawnerIT;
import io.chainmonitor.support.embedded.test.BuildDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint pods fetch node binaries from: open to the network, but only for a valid token of that binary. */
class ReplicaBinaryEndpointIT extends SpawnerIT {

    @Autowired
    BinaryGrants grants;

    @Test
    void aPodWithAValidTokenDownloadsTheBinaryWithoutAnyOtherCredential() throws Exception {
        Path binary = Files.writeString(BuildDirectory.newTempDirectory("replica-binary-").resolve("node"),
                "#!/bin/sh\necho node\n");
        String sha256 = grants.register(binary);

        HttpResponse<String> response = get("/internal/v1/replica-binaries/" + sha256 + "?token="
                + grants.issue(sha256), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(response.body()).isEqualTo("#!/bin/sh\necho node\n");
    }

    @Test
    void aMissingForgedOrForeignTokenIsRefusedWithAProblem() throws Exception {
        Path binary = Files.writeString(BuildDirectory.newTempDirectory("replica-binary-").resolve("node"), "x");
        String sha256 = grants.register(binary);
        String foreign = grants.issue("00".repeat(32));

        assertProblem(get("/internal/v1/replica-binaries/" + sha256, null), 403, "binary-token-invalid");
        assertProblem(get("/internal/v1/replica-binaries/" + sha256 + "?token=1." + "ab".repeat(32), null), 403,
                "binary-token-invalid");
        assertProblem(get("/internal/v1/replica-binaries/" + sha256 + "?token=" + foreign, null), 403,
                "binary-token-invalid");
    }

    @Test
    void theOpenPathOpensNothingElse() {
        assertThat(get("/api/v1/projects", null).statusCode()).isEqualTo(401);
        assertThat(get("/internal/v1/other", null).statusCode()).isIn(401, 403);
    }
}
