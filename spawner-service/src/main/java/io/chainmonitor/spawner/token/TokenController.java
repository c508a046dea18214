package io.chainmonitor.spawner.token;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.spawner.project.Caller;

/** {@code /api/v1/projects/{id}/tokens}: the project's CI tokens. */
@RestController
@RequestMapping("/api/v1/projects/{id}/tokens")
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    /** The body of a token creation. */
    record TokenRequest(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
    }

    /** The created token, with its secret: shown this once. */
    record CreatedToken(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, String token) {
    }

    @PostMapping
    ResponseEntity<CreatedToken> create(Authentication authentication, @PathVariable UUID id,
            @Valid @RequestBody TokenRequest request) {
        TokenService.Issued issued = tokens.create(Caller.of(authentication), id, request.name(), request.expiresAt());
        CiToken token = issued.token();
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/tokens/" + token.id()))
                .body(new CreatedToken(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
                        issued.secret()));
    }

    @GetMapping
    List<CiToken> list(Authentication authentication, @PathVariable UUID id) {
        return tokens.list(Caller.of(authentication), id);
    }

    @DeleteMapping("/{tokenId}")
    ResponseEntity<Void> revoke(Authentication authentication, @PathVariable UUID id, @PathVariable UUID tokenId) {
        tokens.revoke(Caller.of(authentication), id, tokenId);
        return ResponseEntity.noContent().build();
    }
}
