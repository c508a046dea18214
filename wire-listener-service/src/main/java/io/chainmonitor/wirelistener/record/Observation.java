package io.chainmonitor.wirelistener.record;

import java.time.Instant;

import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.rules.wire.Detector;
import io.chainmonitor.wirelistener.listen.ReplicaKey;

/**
 * Something the listener saw on a replica's public port that is worth recording: taken on the network thread and
 * handed to the {@link WireRecorder}'s queue, which classifies and aggregates it off that thread.
 *
 * @param replica whose port it came in on
 * @param port which port
 * @param sourceAddress the client's address
 * @param sourcePort the client's port
 * @param detector what was observed
 * @param method the JSON-RPC method, or null
 * @param path the HTTP path, or null
 * @param disposition what the listener did
 * @param excerpt the start of the request, raw (escaped when published)
 * @param bytes the request's size in bytes
 * @param at when it arrived
 */
public record Observation(ReplicaKey replica, WireIncident.Port port, String sourceAddress, int sourcePort,
        Detector detector, String method, String path, WireIncident.Disposition disposition, String excerpt,
        long bytes, Instant at) {
}
