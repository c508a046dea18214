package io.chainmonitor.spawner.runtime.kubernetes;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.support.web.DomainProblemException;

/**
 * {@code GET /internal/v1/replica-binaries/{sha256}?token=…}: the node binary a Kubernetes replica's init container
 * downloads, for a token the kubernetes runtime issued (it verifies the hash itself before the node starts).
 */
@RestController
class ReplicaBinaryController {

    static final String PATH = "/internal/v1/replica-binaries";

    private final BinaryGrants grants;

    ReplicaBinaryController(BinaryGrants grants) {
        this.grants = grants;
    }

    @GetMapping(PATH + "/{sha256}")
    ResponseEntity<FileSystemResource> binary(@PathVariable String sha256,
            @RequestParam(required = false) String token) {
        Path binary = grants.granted(sha256, token).orElseThrow(() -> new DomainProblemException(
                HttpStatus.FORBIDDEN, "binary-token-invalid",
                "the token is missing, expired or not for binary " + sha256, Map.of()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(binary));
    }
}
