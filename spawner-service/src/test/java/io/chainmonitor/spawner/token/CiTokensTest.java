package io.chainmonitor.spawner.token;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CiTokensTest {

    @Test
    void aNewTokenIsCmtAndThirtyTwoRandomBytesInBase64Url() {
        String token = CiTokens.newSecret();
        assertThat(token).matches("cmt_[A-Za-z0-9_-]{43}");
        assertThat(CiTokens.looksLikeToken(token)).isTrue();
        assertThat(CiTokens.looksLikeToken("eyJhbGciOiJIUzI1NiJ9.e30.x")).isFalse();
    }

    @Test
    void tokensAreNeverTheSame() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(CiTokens.newSecret());
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void theStoredHashIsTheHexSha256OfTheWholeTokenAndDoesNotContainIt() {
        assertThat(CiTokens.hash("cmt_abc"))
                .isEqualTo("8e8aa9a2bc2d517c59ac35f0a39b802db63a219b5e2391f66eedc2c2e60b2b84");
        String token = CiTokens.newSecret();
        assertThat(CiTokens.hash(token)).isEqualTo(CiTokens.hash(token)).doesNotContain(token.substring(4, 12));
        assertThat(CiTokens.hash(token)).isNotEqualTo(CiTokens.hash(token + "x"));
    }

    @Test
    void listsShowOnlyTheTokensFirstCharacters() {
        String token = CiTokens.newSecret();
        assertThat(CiTokens.shownPrefix(token)).hasSize(12).isEqualTo(token.substring(0, 12));
    }
}
