package io.chainmonitor.rules.eval;

/** What a matching event (or a rule's finding, for composites) goes to. */
interface EventListener {

    /** The signal happened at {@code time}/{@code height}; {@code detail} says what it was, for a finding. */
    void occur(String replicaId, long time, long height, String detail);
}
