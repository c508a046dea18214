package io.chainmonitor.support.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.HttpTestClient;
import io.chainmonitor.support.testapp.TestWebApplication;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestWebApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = TestWebApplication.PROPERTIES)
class ApiSecurityRsaIT {

    private static final JwtTestTokens RSA = JwtTestTokens.rsa();
    private static Path keyDirectory;

    private final HttpTestClient main;

    @Autowired
    ApiSecurityRsaIT(@LocalServerPort int port) {
        this.main = new HttpTestClient(port);
    }

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) throws IOException {
        keyDirectory = Files.createTempDirectory("jwt-key-");
        Path pem = RSA.writePublicKeyPem(keyDirectory);
        registry.add("chain-monitor.security.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @AfterAll
    static void deleteKey() {
        FileSystemUtils.deleteRecursively(keyDirectory.toFile());
    }

    @Test
    void theApiAnswersAValidRsaSignedToken() {
        assertThat(main.get("/api/test/hello", RSA.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void theApiRefusesATokenSignedWithAnotherRsaKey() {
        assertThat(main.get("/api/test/hello", JwtTestTokens.rsa().token()).statusCode()).isEqualTo(401);
    }

    @Test
    void theApiRefusesAnHmacTokenWhenItVerifiesWithAPublicKey() {
        assertThat(main.get("/api/test/hello", JwtTestTokens.hmac().token()).statusCode()).isEqualTo(401);
    }
}
