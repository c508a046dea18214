package io.chainmonitor.alerts.dispatch;

import java.util.Optional;
import java.util.UUID;

/** Looks a contact up at the moment of sending, so that a changed address counts and a deleted contact is not told. */
public interface Recipients {

    Optional<Recipient> find(String projectId, UUID contactId);
}
