package io.chainmonitor.wirelistener.proxy;

import java.net.InetSocketAddress;
import java.time.Clock;

import io.netty.channel.Channel;

import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.rules.wire.Detector;
import io.chainmonitor.wirelistener.WireListenerProperties;
import io.chainmonitor.wirelistener.block.SourceGate;
import io.chainmonitor.wirelistener.listen.ReplicaKey;
import io.chainmonitor.wirelistener.record.Observation;
import io.chainmonitor.wirelistener.record.TrafficMetrics;
import io.chainmonitor.wirelistener.record.WireRecorder;

/** What every connection handler shares: the recorder, the counters, the gate, the limits and the clock. */
public record ProxyServices(WireRecorder recorder, TrafficMetrics traffic, SourceGate gate,
        WireListenerProperties.Limits limits, Clock clock) {

    /** Records an observation about a connection's client. */
    public void observe(Channel channel, ReplicaKey replica, WireIncident.Port port, Detector detector,
            String method, String path, WireIncident.Disposition disposition, String excerpt, long bytes) {
        InetSocketAddress remote = remote(channel);
        recorder.record(new Observation(replica, port, remote.getAddress().getHostAddress(), remote.getPort(),
                detector, method, path, disposition, excerpt, bytes, clock.instant()));
    }

    /** The client's address. */
    public static InetSocketAddress remote(Channel channel) {
        return (InetSocketAddress) channel.remoteAddress();
    }
}
