package io.chainmonitor.wirelistener.block;

import java.time.Clock;

import io.chainmonitor.wirelistener.WireListenerProperties;

/** Source gates for tests without a database: nothing blocked, the configured rate. */
public final class Gates {

    private Gates() {
    }

    /** A gate whose block list stays empty (it is never refreshed from a store). */
    public static SourceGate open(Clock clock, WireListenerProperties properties) {
        return new SourceGate(null, clock, properties);
    }
}
