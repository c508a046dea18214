package io.chainmonitor.wirelistener.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.rules.wire.Detector;
import io.chainmonitor.wirelistener.listen.ReplicaKey;
import io.chainmonitor.wirelistener.record.Excerpts;

/**
 * First in an RPC connection's pipeline: closes a connection that opens with a TLS ClientHello (recorded), and
 * counts the bytes of the request in progress so that a stalled one can be told from an idle keep-alive connection.
 */
final class InboundMeter extends ChannelInboundHandlerAdapter {

    private final ReplicaKey replica;
    private final ProxyServices services;
    private boolean first = true;
    private long pending;

    InboundMeter(ReplicaKey replica, ProxyServices services) {
        this.replica = replica;
        this.services = services;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            if (first && bytes.readableBytes() >= 2) {
                first = false;
                if (bytes.getByte(bytes.readerIndex()) == 0x16 && bytes.getByte(bytes.readerIndex() + 1) == 0x03) {
                    byte[] head = new byte[Math.min(bytes.readableBytes(), Excerpts.MAX_BYTES)];
                    bytes.getBytes(bytes.readerIndex(), head);
                    services.observe(ctx.channel(), replica, WireIncident.Port.RPC, Detector.TLS_ON_PLAINTEXT, null,
                            null, WireIncident.Disposition.DROPPED, Excerpts.of(head, 0, head.length),
                            bytes.readableBytes());
                    bytes.release();
                    ctx.close();
                    return;
                }
            }
            pending += bytes.readableBytes();
        }
        ctx.fireChannelRead(msg);
    }

    /** Bytes received since the last complete request. */
    long pending() {
        return pending;
    }

    /** A request was complete. */
    void requestComplete() {
        pending = 0;
    }
}
