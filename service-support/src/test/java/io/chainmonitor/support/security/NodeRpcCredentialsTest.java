package io.chainmonitor.support.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NodeRpcCredentialsTest {

    private static final String SECRET = "a-platform-secret-of-at-least-32-bytes!";

    @Test
    void theSameReplicaAlwaysGetsTheSameCredentials() {
        NodeRpcCredentials.Credentials first = new NodeRpcCredentials(SECRET).forReplica("p1", "r-1");
        NodeRpcCredentials.Credentials again = new NodeRpcCredentials(SECRET).forReplica("p1", "r-1");

        assertThat(again).isEqualTo(first);
        assertThat(first.user()).matches("cm-[0-9a-f]{12}");
        assertThat(first.password()).matches("[0-9a-f]{64}");
    }

    @Test
    void replicasProjectsAndSecretsGetDifferentCredentials() {
        NodeRpcCredentials credentials = new NodeRpcCredentials(SECRET);

        assertThat(credentials.forReplica("p1", "r-2")).isNotEqualTo(credentials.forReplica("p1", "r-1"));
        assertThat(credentials.forReplica("p2", "r-1")).isNotEqualTo(credentials.forReplica("p1", "r-1"));
        assertThat(new NodeRpcCredentials(SECRET + "x").forReplica("p1", "r-1"))
                .isNotEqualTo(credentials.forReplica("p1", "r-1"));
    }

    @Test
    void idsThatConcatenateAlikeStillDiffer() {
        NodeRpcCredentials credentials = new NodeRpcCredentials(SECRET);

        assertThat(credentials.forReplica("p1r", "-1")).isNotEqualTo(credentials.forReplica("p1", "r-1"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NodeRpcCredentials("short"))
                .withMessageContaining("node-rpc-secret must be at least 32 bytes");
    }

    @Test
    void neitherSecretNorPasswordIsPrinted() {
        NodeRpcCredentials credentials = new NodeRpcCredentials(SECRET);
        NodeRpcCredentials.Credentials replica = credentials.forReplica("p1", "r-1");

        assertThat(credentials.toString()).doesNotContain(SECRET);
        assertThat(replica.toString()).doesNotContain(replica.password()).contains(replica.user());
    }
}
