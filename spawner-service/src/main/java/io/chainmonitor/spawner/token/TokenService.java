package io.chainmonitor.spawner.token;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.spawner.SpawnerException;
import io.chainmonitor.spawner.SpawnerException.Reason;
import io.chainmonitor.spawner.project.Caller;
import io.chainmonitor.spawner.project.ChangeLog;
import io.chainmonitor.spawner.project.Project;
import io.chainmonitor.spawner.project.ProjectService;

/** Creates, lists and revokes a project's CI tokens; only the project's owner may, never a token. */
@Service
class TokenService {

    private final ProjectService projects;
    private final TokenRepository tokens;
    private final ChangeLog changeLog;

    TokenService(ProjectService projects, TokenRepository tokens, ChangeLog changeLog) {
        this.projects = projects;
        this.tokens = tokens;
        this.changeLog = changeLog;
    }

    /** A token and its secret, which is never shown again. */
    record Issued(CiToken token, String secret) {
    }

    @Transactional
    Issued create(Caller caller, UUID projectId, String name, Instant expiresAt) {
        ProjectService.requireUser(caller);
        Project project = projects.lockReadable(caller, projectId);
        Instant now = Project.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw SpawnerException.invalidField(Reason.INVALID_REQUEST, "expiresAt", "must be in the future");
        }
        String secret = CiTokens.newSecret();
        CiToken token = new CiToken(UUID.randomUUID(), project.id(), name, CiTokens.shownPrefix(secret),
                caller.actor(), now, expiresAt, null);
        tokens.insert(token, CiTokens.hash(secret));
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("name", name);
        changes.put("prefix", token.prefix());
        changes.put("expiresAt", expiresAt == null ? "never" : expiresAt.toString());
        changeLog.audit(caller, "ci-token.created", "ci-token", token.id().toString(), projectId.toString(), changes);
        return new Issued(token, secret);
    }

    @Transactional(readOnly = true)
    List<CiToken> list(Caller caller, UUID projectId) {
        ProjectService.requireUser(caller);
        return tokens.list(projects.get(caller, projectId).id());
    }

    @Transactional
    void revoke(Caller caller, UUID projectId, UUID tokenId) {
        ProjectService.requireUser(caller);
        Project project = projects.lockReadable(caller, projectId);
        if (!tokens.revoke(project.id(), tokenId, Project.now())) {
            throw new SpawnerException(Reason.TOKEN_NOT_FOUND, "project " + projectId + " has no live token "
                    + tokenId);
        }
        changeLog.audit(caller, "ci-token.revoked", "ci-token", tokenId.toString(), projectId.toString(), Map.of());
    }
}
