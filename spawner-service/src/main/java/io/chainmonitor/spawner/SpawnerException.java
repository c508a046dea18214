package io.chainmonitor.spawner;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.chainmonitor.support.web.DomainProblemException;

/**
 * The spawner's one error vocabulary: a {@link Reason} and a detail, answered as an RFC 9457 problem whose type is
 * the reason's slug.
 */
public final class SpawnerException extends DomainProblemException {

    private final Reason reason;

    public SpawnerException(Reason reason, String detail) {
        this(reason, detail, Map.of());
    }

    public SpawnerException(Reason reason, String detail, Map<String, ?> properties) {
        super(reason.status, reason.slug, detail, properties);
        this.reason = reason;
    }

    /** A refused request body member, named as the problem's {@code errors} list names it. */
    public static SpawnerException invalidField(Reason reason, String field, String message) {
        return new SpawnerException(reason, "'" + field + "' " + message, invalidMember(field, message));
    }

    public Reason reason() {
        return reason;
    }

    /** Why a request was refused; the only error label on metrics. */
    public enum Reason {
        INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request"), UNKNOWN_CHAIN_TYPE(HttpStatus.BAD_REQUEST,
                "unknown-chain-type"), UNKNOWN_LOCATION(HttpStatus.BAD_REQUEST, "unknown-location"), INVALID_REPLICAS(
                        HttpStatus.BAD_REQUEST, "invalid-replicas"), DUPLICATE_PROJECT_NAME(HttpStatus.CONFLICT,
                                "duplicate-project-name"), PROJECT_NOT_FOUND(HttpStatus.NOT_FOUND,
                                        "not-found"), TOKEN_NOT_FOUND(HttpStatus.NOT_FOUND,
                                                "not-found"), BINARY_NOT_FOUND(HttpStatus.NOT_FOUND,
                                                        "not-found"), FORBIDDEN_FOR_CI_TOKEN(HttpStatus.FORBIDDEN,
                                                                "forbidden-for-ci-token"), MISSING_EXPECTED_HASH(
                                                                        HttpStatus.BAD_REQUEST,
                                                                        "missing-expected-hash"), BINARY_TOO_LARGE(
                                                                                HttpStatus.CONTENT_TOO_LARGE,
                                                                                "binary-too-large"), UPLOAD_INCOMPLETE(
                                                                                        HttpStatus.BAD_REQUEST,
                                                                                        "upload-incomplete"), BINARY_HASH_MISMATCH(
                                                                                                HttpStatus.UNPROCESSABLE_CONTENT,
                                                                                                "binary-hash-mismatch"), BINARY_NOT_ALLOWED(
                                                                                                        HttpStatus.UNPROCESSABLE_CONTENT,
                                                                                                        "binary-not-allowed"), UNSUPPORTED_BINARY(
                                                                                                                HttpStatus.UNPROCESSABLE_CONTENT,
                                                                                                                "unsupported-binary"), NO_BINARY(
                                                                                                                        HttpStatus.CONFLICT,
                                                                                                                        "no-binary"), ALREADY_DEPLOYED(
                                                                                                                                HttpStatus.CONFLICT,
                                                                                                                                "already-deployed"), DEPLOYMENT_NOT_FOUND(
                                                                                                                                        HttpStatus.NOT_FOUND,
                                                                                                                                        "not-found"), ARCHIVE_DEPLOY_UNSUPPORTED(
                                                                                                                                                HttpStatus.UNPROCESSABLE_CONTENT,
                                                                                                                                                "archive-deploy-unsupported"),
        /** No replica of that id in the project's deployment. */
        REPLICA_NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
        /** A rollout of the deployment runs; a single replica is not touched meanwhile. */
        ROLLOUT_IN_PROGRESS(HttpStatus.CONFLICT, "rollout-in-progress");

        private final HttpStatus status;
        private final String slug;

        Reason(HttpStatus status, String slug) {
            this.status = status;
            this.slug = slug;
        }

        public HttpStatus status() {
            return status;
        }
    }
}
