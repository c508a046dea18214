package io.chainmonitor.spawner.binary;

import java.io.IOException;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.spawner.project.Caller;

/**
 * {@code /api/v1/projects/{id}/binary}: the project's node binary. The body of a {@code PUT} is the raw file
 * (any content type), and the {@code X-Expected-SHA256} header its SHA-256 in hex.
 */
@RestController
@RequestMapping("/api/v1/projects/{id}/binary")
class BinaryController {

    static final String EXPECTED_HASH_HEADER = "X-Expected-SHA256";

    private final BinaryUploads uploads;

    BinaryController(BinaryUploads uploads) {
        this.uploads = uploads;
    }

    @PutMapping
    BinaryRecord upload(Authentication authentication, @PathVariable UUID id,
            @RequestHeader(name = EXPECTED_HASH_HEADER, required = false) String expectedSha256,
            HttpServletRequest request) throws IOException {
        return uploads.upload(Caller.of(authentication), id, expectedSha256, request.getContentLengthLong(),
                request.getInputStream());
    }

    @GetMapping
    BinaryRecord get(Authentication authentication, @PathVariable UUID id) {
        return uploads.current(Caller.of(authentication), id);
    }
}
