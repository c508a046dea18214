package io.chainmonitor.spawner.project;

import org.springframework.security.core.Authentication;

/** Who calls the API: a user (the JWT subject) or a CI token scoped to one project. */
public sealed interface Caller {

    /** The owner whose projects this caller may see. */
    String owner();

    /** The name the audit log records. */
    String actor();

    /** The caller behind an authenticated request. */
    static Caller of(Authentication authentication) {
        if (authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        return new User(authentication.getName());
    }

    /** A person, identified by the subject of their JWT. */
    record User(String subject) implements Caller {

        @Override
        public String owner() {
            return subject;
        }

        @Override
        public String actor() {
            return subject;
        }
    }

    /** A CI token: it may read its project and upload its binary, nothing else. */
    record CiToken(String tokenId, String projectId, String owner) implements Caller {

        @Override
        public String actor() {
            return "ci-token:" + tokenId;
        }
    }
}
