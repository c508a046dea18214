package io.chainmonitor.wirelistener.record;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** One replica's request counters since the last metrics batch; updated from the network threads. */
public final class Traffic {

    /** Distinct sources counted per interval at most; more still count as this many. */
    static final int MAX_SOURCES = 10_000;

    private final LongAdder requests = new LongAdder();
    private final LongAdder unrecognized = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder p2pInvalid = new LongAdder();
    private volatile Set<InetAddress> sources = ConcurrentHashMap.newKeySet();

    /** A request from {@code source}; {@code unrecognizedCall} for an unknown or critical method. */
    public void request(InetAddress source, boolean unrecognizedCall, boolean invalidRequest) {
        requests.increment();
        if (unrecognizedCall) {
            unrecognized.increment();
        }
        if (invalidRequest) {
            invalid.increment();
        }
        see(source);
    }

    /** Bytes on the P2P port that were not the chain's protocol. */
    public void p2pInvalid(InetAddress source) {
        p2pInvalid.increment();
        see(source);
    }

    private void see(InetAddress source) {
        Set<InetAddress> current = sources;
        if (current.size() < MAX_SOURCES) {
            current.add(source);
        }
    }

    /** The counts since the last call, which starts a new interval. */
    Counts drain() {
        Set<InetAddress> seen = sources;
        sources = ConcurrentHashMap.newKeySet();
        return new Counts(requests.sumThenReset(), unrecognized.sumThenReset(), invalid.sumThenReset(),
                p2pInvalid.sumThenReset(), seen.size());
    }

    record Counts(long requests, long unrecognized, long invalid, long p2pInvalid, int sources) {
    }
}
