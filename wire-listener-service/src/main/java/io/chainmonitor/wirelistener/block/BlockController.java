package io.chainmonitor.wirelistener.block;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.support.project.ProjectOwnership;
import io.chainmonitor.wirelistener.WireListenerException;
import io.chainmonitor.wirelistener.WireListenerException.Reason;

/**
 * Blocks and unblocks sources of a project for a while; the action service calls it to contain an attacker. A block
 * takes effect on new connections and on the next request of an open one.
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/blocks")
class BlockController {

    static final Duration MIN = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofDays(30);
    static final int MAX_REASON = 500;

    private final BlockStore store;
    private final SourceGate gate;
    private final ProjectOwnership ownership;
    private final Clock clock;

    BlockController(BlockStore store, SourceGate gate, ProjectOwnership ownership, Clock clock) {
        this.store = store;
        this.gate = gate;
        this.ownership = ownership;
        this.clock = clock;
    }

    /** A block request: {@code source} as an address or CIDR prefix, {@code duration} in ISO-8601 (PT1H). */
    record NewBlock(String source, String duration, String reason) {
    }

    /** A block as the API shows it. */
    record BlockView(UUID id, String source, String reason, String createdBy, Instant createdAt, Instant expiresAt) {
        static BlockView of(SourceBlock block) {
            return new BlockView(block.id(), block.source().text(), block.reason(), block.createdBy(),
                    block.createdAt(), block.expiresAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BlockView block(Authentication caller, @PathVariable String projectId, @RequestBody NewBlock request) {
        ownership.requireOwner(projectId, caller.getName());
        if (request == null) {
            throw new WireListenerException(Reason.INVALID_REQUEST, "a body with source and duration is required");
        }
        SourcePrefix source;
        try {
            source = SourcePrefix.parse(request.source());
        } catch (IllegalArgumentException e) {
            throw new WireListenerException(Reason.INVALID_REQUEST, "'source' " + e.getMessage());
        }
        Duration duration;
        try {
            duration = Duration.parse(request.duration() == null ? "" : request.duration());
        } catch (DateTimeParseException e) {
            throw new WireListenerException(Reason.INVALID_REQUEST,
                    "'duration' must be an ISO-8601 duration such as PT1H");
        }
        if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
            throw new WireListenerException(Reason.INVALID_REQUEST,
                    "'duration' must be between " + MIN + " and " + MAX);
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? "blocked through the API"
                : request.reason().strip();
        if (reason.length() > MAX_REASON) {
            throw new WireListenerException(Reason.INVALID_REQUEST,
                    "'reason' must be at most " + MAX_REASON + " characters");
        }
        Instant now = clock.instant();
        SourceBlock block = new SourceBlock(UUID.randomUUID(), projectId, source, reason, caller.getName(), now,
                now.plus(duration));
        store.insert(block);
        gate.refresh();
        return BlockView.of(block);
    }

    @GetMapping
    List<BlockView> list(Authentication caller, @PathVariable String projectId) {
        ownership.requireOwner(projectId, caller.getName());
        return store.active(projectId, clock.instant()).stream().map(BlockView::of).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(Authentication caller, @PathVariable String projectId, @PathVariable UUID id) {
        ownership.requireOwner(projectId, caller.getName());
        if (!store.remove(projectId, id, caller.getName(), clock.instant())) {
            throw new WireListenerException(Reason.NOT_FOUND, "no block " + id + " in force for this project");
        }
        gate.refresh();
    }
}
