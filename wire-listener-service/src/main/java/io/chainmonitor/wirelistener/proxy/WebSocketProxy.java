package io.chainmonitor.wirelistener.proxy;

import java.net.InetAddress;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.events.wire.WireIncident.Disposition;
import io.chainmonitor.rules.wire.Detector;
import io.chainmonitor.wirelistener.record.Excerpts;
import io.chainmonitor.wirelistener.record.Traffic;

/**
 * One WebSocket connection through the RPC port. The client's upgrade is answered only once the node accepted the
 * listener's own upgrade, so a client never holds a WebSocket the node does not serve. Then every client text message
 * (fragments aggregated up to {@code max-body-bytes}, frames up to {@code max-ws-frame-bytes}) is inspected like a
 * POST body and forwarded, refused or answered as a honeypot by the same {@link CallPolicy}; the node's frames go
 * back unchanged. Each side stops reading while the other cannot take more (backpressure); an idle connection is
 * pinged once and closed if it stays silent.
 */
final class WebSocketProxy {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketProxy.class);

    private final RpcTarget target;
    private final ProxyServices services;
    private final JsonRpcInspector inspector;
    private final Traffic traffic;
    private final Channel client;
    private final FullHttpRequest upgrade;
    private final WebSocketClientHandshaker nodeHandshaker;
    private Channel upstream;
    private boolean open;
    private boolean pingOutstanding;
    private int subscriptions;

    private WebSocketProxy(Channel client, FullHttpRequest upgrade, RpcTarget target, ProxyServices services,
            JsonRpcInspector inspector) {
        this.client = client;
        this.upgrade = upgrade;
        this.target = target;
        this.services = services;
        this.inspector = inspector;
        this.traffic = services.traffic().of(target.replica());
        HttpHeaders headers = new DefaultHttpHeaders();
        if (target.authorization() != null) {
            headers.set(HttpHeaderNames.AUTHORIZATION, target.authorization());
        }
        // The node's frames are bounded like its HTTP answers.
        this.nodeHandshaker = WebSocketClientHandshakerFactory.newHandshaker(target.ws(), WebSocketVersion.V13, null,
                false, headers, services.limits().maxResponseBytes());
    }

    /** Takes over a client connection whose upgrade request passed the gate; {@code upgrade} is retained here. */
    static void start(ChannelHandlerContext ctx, FullHttpRequest upgrade, RpcTarget target, ProxyServices services,
            JsonRpcInspector inspector, UpstreamConnector connector) {
        new WebSocketProxy(ctx.channel(), upgrade.retain(), target, services, inspector).connect(ctx, connector);
    }

    private void connect(ChannelHandlerContext ctx, UpstreamConnector connector) {
        client.config().setAutoRead(false);
        // The HTTP front handler leaves; the client's later frames come to this proxy once upgraded.
        ctx.pipeline().replace(ctx.name(), "ws-pending", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelInactive(ChannelHandlerContext pending) {
                closeUpstream();
                release();
            }
        });
        ChannelFuture connecting = connector.connect(client, target, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                        new NodeSide());
            }
        });
        upstream = connecting.channel();
        connecting.addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                nodeFailed(future.cause());
            }
        });
    }

    /** The node accepted: answer the client's upgrade and bridge the two. */
    private void upgradeClient() {
        if (!client.isActive()) {
            closeUpstream();
            release();
            return;
        }
        WebSocketDecoderConfig decoder = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(services.limits().maxWsFrameBytes()).allowExtensions(false)
                .closeOnProtocolViolation(true).build();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                "ws://" + target.replica().subject(), null, decoder).newHandshaker(upgrade);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(client)
                    .addListener(ChannelFutureListener.CLOSE);
            closeUpstream();
            release();
            return;
        }
        client.pipeline().replace("ws-pending", "ws-messages",
                new WebSocketFrameAggregator(services.limits().maxBodyBytes()));
        client.pipeline().addLast("ws-client", new ClientSide());
        handshaker.handshake(client, upgrade).addListener((ChannelFutureListener) future -> {
            release();
            if (future.isSuccess()) {
                open = true;
                client.config().setAutoRead(true);
                client.read();
            } else {
                client.close();
                closeUpstream();
            }
        });
    }

    private void release() {
        if (upgrade.refCnt() > 0) {
            upgrade.release();
        }
    }

    private void nodeFailed(Throwable cause) {
        LOG.debug("WebSocket of the node of {} failed: {}", target.replica().subject(), String.valueOf(cause));
        if (open) {
            closeClient(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
        } else if (client.isActive()) {
            release();
            FullHttpResponse response = RpcReplies.response(HttpResponseStatus.BAD_GATEWAY, "application/json",
                    RpcReplies.error(target.bitcoinFamily(), null, RpcReplies.UNAVAILABLE, "the node is unavailable"),
                    false);
            client.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            release();
        }
        closeUpstream();
    }

    private void closeUpstream() {
        if (upstream != null) {
            upstream.close();
        }
    }

    private void closeClient(WebSocketCloseStatus status) {
        if (client.isActive()) {
            client.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Inspects one complete client message and forwards it or answers it here. */
    private void message(TextWebSocketFrame frame) {
        InetAddress source = ProxyServices.remote(client).getAddress();
        byte[] body = ByteBufUtil.getBytes(frame.content());
        String excerpt = excerpt(body);
        if (services.gate().isBlocked(target.replica().projectId(), source)) {
            observe(Detector.BLOCKED_SOURCE, null, Disposition.BLOCKED, excerpt, body.length);
            closeClient(WebSocketCloseStatus.POLICY_VIOLATION);
            return;
        }
        if (!services.gate().tryAcquire(source)) {
            observe(Detector.RATE_LIMITED, null, Disposition.REFUSED, excerpt, body.length);
            traffic.request(source, false, true);
            answer(RpcReplies.error(target.bitcoinFamily(), null, RpcReplies.REFUSED, "rate limit exceeded"));
            return;
        }
        JsonRpcInspector.Inspection inspection = inspector.inspect(body);
        if (inspection.problem() != null) {
            observe(inspection.problem(), null, Disposition.REFUSED, excerpt, body.length);
            traffic.request(source, false, true);
            answer(RpcReplies.error(target.bitcoinFamily(), null, CallPolicy.problemCode(inspection.problem()),
                    CallPolicy.problemMessage(inspection.problem())));
            return;
        }
        CallPolicy policy = CallPolicy.decide(target, inspection);
        int subscribing = policy.forwarded() ? subscriptionChange(inspection) : 0;
        if (subscriptions + subscribing > services.limits().maxSubscriptions()) {
            observe(Detector.WS_SUBSCRIPTION_FLOOD, "eth_subscribe", Disposition.REFUSED, excerpt, body.length);
            traffic.request(source, true, false);
            answer(CallPolicy.refused(target, inspection, policy.classes(), Disposition.REFUSED,
                    "at most " + services.limits().maxSubscriptions() + " subscriptions per connection").answer());
            return;
        }
        boolean unusual = false;
        for (int i = 0; i < inspection.calls().size(); i++) {
            Detector detector = policy.detector(i);
            if (detector != null) {
                unusual = true;
                observe(detector, inspection.calls().get(i).method(), policy.disposition(), excerpt, body.length);
            }
        }
        traffic.request(source, unusual, false);
        if (!policy.forwarded()) {
            answer(policy.answer());
            return;
        }
        subscriptions = Math.max(0, subscriptions + subscribing);
        upstream.writeAndFlush(frame.retain()).addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                nodeFailed(future.cause());
            }
        });
    }

    /**
     * How the message changes the connection's open subscriptions, counted when forwarded: an {@code eth_subscribe}
     * the node refuses still counts, so the bound errs on the safe side.
     */
    private static int subscriptionChange(JsonRpcInspector.Inspection inspection) {
        int change = 0;
        for (JsonRpcInspector.Call call : inspection.calls()) {
            if ("eth_subscribe".equals(call.method())) {
                change++;
            } else if ("eth_unsubscribe".equals(call.method())) {
                change--;
            }
        }
        return change;
    }

    private void answer(String json) {
        client.writeAndFlush(new TextWebSocketFrame(json));
    }

    private void observe(Detector detector, String method, Disposition disposition, String excerpt, long bytes) {
        services.observe(client, target.replica(), WireIncident.Port.RPC, detector, method, null,
                disposition, excerpt, bytes);
    }

    private String excerpt(byte[] body) {
        int n = Math.min(body.length, Excerpts.MAX_BYTES);
        return "WS " + Excerpts.of(body, 0, n) + (body.length > n ? "…(" + body.length + " bytes)" : "");
    }

    /** The client's frames after the upgrade, messages whole. */
    private final class ClientSide extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            pingOutstanding = false;
            try {
                switch (msg) {
                    case TextWebSocketFrame text -> message(text);
                    case BinaryWebSocketFrame binary -> {
                        observe(Detector.WS_BINARY_FRAME, null, Disposition.DROPPED,
                                "WS binary " + Excerpts.of(ByteBufUtil.getBytes(binary.content(), 0,
                                        Math.min(binary.content().readableBytes(), Excerpts.MAX_BYTES)), 0,
                                        Math.min(binary.content().readableBytes(), Excerpts.MAX_BYTES)),
                                binary.content().readableBytes());
                        traffic.request(ProxyServices.remote(client).getAddress(), false, true);
                        closeClient(WebSocketCloseStatus.INVALID_MESSAGE_TYPE);
                    }
                    case PingWebSocketFrame ping ->
                        client.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                    case CloseWebSocketFrame close -> {
                        upstream.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), close.reasonText()))
                                .addListener(ChannelFutureListener.CLOSE);
                        client.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), close.reasonText()))
                                .addListener(ChannelFutureListener.CLOSE);
                    }
                    default -> {
                        // Pongs answer the listener's own pings; nothing else comes out of the aggregator.
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            // The node is read only as fast as the client takes its frames.
            if (upstream != null) {
                upstream.config().setAutoRead(client.isWritable());
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                if (pingOutstanding) {
                    closeClient(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
                    closeUpstream();
                } else {
                    pingOutstanding = true;
                    client.writeAndFlush(new PingWebSocketFrame());
                }
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closeUpstream();
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Throwable root = cause.getCause() != null && !(cause instanceof CorruptedWebSocketFrameException)
                    ? cause.getCause()
                    : cause;
            if (root instanceof TooLongFrameException
                    || root instanceof CorruptedWebSocketFrameException corrupted
                            && corrupted.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
                observe(Detector.OVERSIZED_BODY, null, Disposition.DROPPED, "WS (frame or message over the limit)", 0);
                traffic.request(ProxyServices.remote(client).getAddress(), false, true);
                closeClient(WebSocketCloseStatus.MESSAGE_TOO_BIG);
            } else if (root instanceof CorruptedWebSocketFrameException) {
                observe(Detector.MALFORMED_JSON_RPC, null, Disposition.DROPPED, "WS (" + root.getMessage() + ")", 0);
                closeClient(WebSocketCloseStatus.PROTOCOL_ERROR);
            } else {
                LOG.debug("Closing a WebSocket client of {}: {}", target.replica().subject(), cause.toString());
                client.close();
            }
            closeUpstream();
        }
    }

    /** The node's side: its handshake, then its frames passed back unchanged. */
    private final class NodeSide extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            nodeHandshaker.handshake(ctx.channel()).addListener((ChannelFutureListener) future -> {
                if (!future.isSuccess()) {
                    nodeFailed(future.cause());
                }
            });
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!nodeHandshaker.isHandshakeComplete()) {
                try {
                    nodeHandshaker.finishHandshake(ctx.channel(), (FullHttpResponse) msg);
                } catch (RuntimeException e) {
                    nodeFailed(e);
                    return;
                } finally {
                    ReferenceCountUtil.release(msg);
                }
                upgradeClient();
                return;
            }
            if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
            } else if (msg instanceof CloseWebSocketFrame close) {
                client.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
                ctx.close();
            } else if (open && msg instanceof WebSocketFrame frame && !(frame instanceof PongWebSocketFrame)) {
                client.writeAndFlush(frame);
            } else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            // The client is read only as fast as the node takes its messages.
            if (open) {
                client.config().setAutoRead(ctx.channel().isWritable());
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (open) {
                closeClient(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
            } else {
                nodeFailed(null);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            nodeFailed(cause);
        }
    }
}
