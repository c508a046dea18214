package io.chainmonitor.wirelistener.p2p;

import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.events.wire.WireIncident.Disposition;
import io.chainmonitor.rules.wire.Detector;
import io.chainmonitor.wirelistener.proxy.ProxyServices;
import io.chainmonitor.wirelistener.record.Excerpts;

/**
 * A public P2P connection: the first four bytes must start the chain's handshake; then the connection is spliced to
 * the node's own P2P port with backpressure both ways. Anything else (HTTP, TLS, garbage, silence) is recorded and
 * the connection closed before the node sees a byte of it.
 */
public final class P2pChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final P2pTarget target;
    private final ProxyServices services;

    public P2pChannelInitializer(P2pTarget target, ProxyServices services) {
        this.target = target;
        this.services = services;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast("handshake-timeout",
                new IdleStateHandler(services.limits().handshakeTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        channel.pipeline().addLast("gate", new HandshakeGate());
    }

    private final class HandshakeGate extends ChannelInboundHandlerAdapter {

        private ByteBuf head;
        private boolean decided;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (services.gate().isBlocked(target.replica().projectId(),
                    ProxyServices.remote(ctx.channel()).getAddress())) {
                observe(ctx, Detector.BLOCKED_SOURCE, Disposition.BLOCKED, "(connection)", 0);
                ctx.close();
                return;
            }
            head = ctx.alloc().buffer(64);
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf bytes = (ByteBuf) msg;
            if (decided) {
                // Bytes that arrive while the node's connection is being made are kept and sent first.
                if (head != null && head != Unpooled.EMPTY_BUFFER && head.refCnt() > 0) {
                    head.writeBytes(bytes);
                }
                bytes.release();
                return;
            }
            head.writeBytes(bytes);
            bytes.release();
            if (head.readableBytes() < 4) {
                return;
            }
            decided = true;
            byte[] first = new byte[4];
            head.getBytes(head.readerIndex(), first);
            P2pTarget.Verdict verdict = target.judge(first);
            if (verdict != P2pTarget.Verdict.VALID) {
                byte[] sample = new byte[Math.min(head.readableBytes(), Excerpts.MAX_BYTES)];
                head.getBytes(head.readerIndex(), sample);
                Detector detector = switch (verdict) {
                    case HTTP -> Detector.HTTP_ON_P2P;
                    case TLS -> Detector.TLS_ON_PLAINTEXT;
                    default -> Detector.P2P_GARBAGE;
                };
                observe(ctx, detector, Disposition.DROPPED, Excerpts.of(sample, 0, sample.length),
                        head.readableBytes());
                services.traffic().of(target.replica()).p2pInvalid(ProxyServices.remote(ctx.channel()).getAddress());
                ctx.close();
                return;
            }
            ctx.channel().config().setAutoRead(false);
            Channel client = ctx.channel();
            Bootstrap bootstrap = new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                    .option(ChannelOption.AUTO_READ, false)
                    .handler(new Splice(client));
            bootstrap.connect(target.host(), target.port()).addListener((ChannelFutureListener) future -> {
                if (!future.isSuccess()) {
                    client.close();
                    return;
                }
                Channel node = future.channel();
                ByteBuf buffered = head;
                head = Unpooled.EMPTY_BUFFER;
                ctx.pipeline().remove("handshake-timeout");
                ctx.pipeline().replace(this, "splice", new Splice(node));
                node.writeAndFlush(buffered).addListener((ChannelFutureListener) written -> {
                    if (written.isSuccess()) {
                        client.config().setAutoRead(true);
                        node.config().setAutoRead(true);
                    } else {
                        client.close();
                    }
                });
            });
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && !decided) {
                observe(ctx, Detector.SLOW_REQUEST, Disposition.DROPPED,
                        "(" + (head == null ? 0 : head.readableBytes()) + " bytes, then silence)",
                        head == null ? 0 : head.readableBytes());
                ctx.close();
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            if (head != null && head.refCnt() > 0 && head != Unpooled.EMPTY_BUFFER) {
                head.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void observe(ChannelHandlerContext ctx, Detector detector, Disposition disposition, String excerpt,
                long bytes) {
            services.observe(ctx.channel(), target.replica(), WireIncident.Port.P2P, detector, null, null,
                    disposition, excerpt, bytes);
        }
    }

    /** Copies bytes to the other side; stops reading while the other side cannot take more. */
    private static final class Splice extends ChannelInboundHandlerAdapter {

        private final Channel other;

        Splice(Channel other) {
            this.other = other;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            other.writeAndFlush(msg);
            if (!other.isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            // This side drained: the other side may read again.
            if (ctx.channel().isWritable()) {
                other.config().setAutoRead(true);
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            other.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
