package io.chainmonitor.wirelistener.proxy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.events.wire.WireIncident.Disposition;
import io.chainmonitor.rules.wire.Detector;
import io.chainmonitor.wirelistener.record.Excerpts;
import io.chainmonitor.wirelistener.record.Traffic;

/**
 * One public RPC connection: each complete request is checked (gate, rate, path, JSON-RPC shape, methods) and then
 * either forwarded to the node unchanged over one kept-alive upstream connection, or answered here and recorded.
 * While a request is with the node the client's connection is not read, so one connection never has more than one
 * request in flight and a slow node slows only its own clients (backpressure).
 */
final class RpcFrontendHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(RpcFrontendHandler.class);

    private final RpcTarget target;
    private final ProxyServices services;
    private final JsonRpcInspector inspector;
    private final InboundMeter meter;
    private final Traffic traffic;
    /** Pipelined requests held while one is with the node; more than this and the client is not playing fair. */
    static final int MAX_PIPELINED = 16;

    private final UpstreamConnector connector;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private Channel upstream;
    private boolean clientKeepAlive;
    private boolean inFlight;

    RpcFrontendHandler(RpcTarget target, ProxyServices services, JsonRpcInspector inspector, InboundMeter meter,
            UpstreamConnector connector) {
        this.target = target;
        this.services = services;
        this.inspector = inspector;
        this.meter = meter;
        this.connector = connector;
        this.traffic = services.traffic().of(target.replica());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress source = ProxyServices.remote(ctx.channel()).getAddress();
        if (services.gate().isBlocked(target.replica().projectId(), source)) {
            services.observe(ctx.channel(), target.replica(), WireIncident.Port.RPC, Detector.BLOCKED_SOURCE, null,
                    null, Disposition.BLOCKED, "(connection)", 0);
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        meter.requestComplete();
        if (inFlight) {
            // Pipelined: the decoder already held the next request when reading stopped; answers keep their order.
            if (waiting.size() >= MAX_PIPELINED) {
                observe(ctx, Detector.OVERSIZED_BATCH, null, null, Disposition.DROPPED,
                        excerpt(request, ByteBufUtil.getBytes(request.content())), request.content().readableBytes());
                ctx.close();
                return;
            }
            waiting.add(request.retain());
            return;
        }
        handle(ctx, request);
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        InetAddress source = ProxyServices.remote(ctx.channel()).getAddress();
        byte[] body = ByteBufUtil.getBytes(request.content());
        String excerpt = excerpt(request, body);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            Detector detector = cause instanceof TooLongFrameException ? Detector.OVERSIZED_BODY : Detector.BAD_HTTP;
            observe(ctx, detector, null, null, Disposition.REFUSED, excerpt, body.length);
            traffic.request(source, false, true);
            reply(ctx, RpcReplies.response(cause instanceof TooLongFrameException
                    ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : HttpResponseStatus.BAD_REQUEST, "text/plain", "bad request\n", false), false);
            return;
        }
        if (services.gate().isBlocked(target.replica().projectId(), source)) {
            observe(ctx, Detector.BLOCKED_SOURCE, null, null, Disposition.BLOCKED, excerpt, body.length);
            reply(ctx, RpcReplies.response(HttpResponseStatus.FORBIDDEN, "text/plain", "forbidden\n", false), false);
            return;
        }
        if (!services.gate().tryAcquire(source)) {
            observe(ctx, Detector.RATE_LIMITED, null, null, Disposition.REFUSED, excerpt, body.length);
            traffic.request(source, false, true);
            reply(ctx, RpcReplies.response(HttpResponseStatus.TOO_MANY_REQUESTS, "application/json",
                    RpcReplies.error(target.bitcoinFamily(), null, RpcReplies.REFUSED, "rate limit exceeded"),
                    keepAlive), keepAlive);
            return;
        }
        String path = pathOf(request.uri());
        if (request.method() != HttpMethod.POST || !"/".equals(path)) {
            if (HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
                if (target.ws() != null && request.method() == HttpMethod.GET) {
                    // The node serves WebSocket: the upgrade is completed once the node accepted its own, and
                    // from then on every client message is inspected like a POST body.
                    traffic.request(source, false, false);
                    WebSocketProxy.start(ctx, request, target, services, inspector, connector);
                    return;
                }
                // This node has no WebSocket endpoint; the attempt is kept like any other HTTP request that is not
                // a JSON-RPC POST, so nothing refused goes unrecorded.
                observe(ctx, Detector.PATH_SCAN, null, path, Disposition.REFUSED, excerpt, body.length);
                traffic.request(source, false, false);
                reply(ctx, RpcReplies.response(HttpResponseStatus.NOT_IMPLEMENTED, "text/plain",
                        "WebSocket is not served on this port\n", false), false);
                return;
            }
            observe(ctx, Detector.PATH_SCAN, null, path, Disposition.REFUSED, excerpt, body.length);
            traffic.request(source, false, true);
            reply(ctx, RpcReplies.response(HttpResponseStatus.NOT_FOUND, "text/plain", "not found\n", keepAlive),
                    keepAlive);
            return;
        }
        JsonRpcInspector.Inspection inspection = inspector.inspect(body);
        if (inspection.problem() != null) {
            observe(ctx, inspection.problem(), null, null, Disposition.REFUSED, excerpt, body.length);
            traffic.request(source, false, true);
            int code = CallPolicy.problemCode(inspection.problem());
            reply(ctx, RpcReplies.json(target.bitcoinFamily(), code, RpcReplies.error(target.bitcoinFamily(), null,
                    code, CallPolicy.problemMessage(inspection.problem())), keepAlive), keepAlive);
            return;
        }
        CallPolicy policy = CallPolicy.decide(target, inspection);
        boolean unusual = false;
        for (int i = 0; i < inspection.calls().size(); i++) {
            Detector detector = policy.detector(i);
            if (detector != null) {
                unusual = true;
                observe(ctx, detector, inspection.calls().get(i).method(), null, policy.disposition(), excerpt,
                        body.length);
            }
        }
        traffic.request(source, unusual, false);
        if (policy.forwarded()) {
            forward(ctx, request, keepAlive);
            return;
        }
        reply(ctx, RpcReplies.json(target.bitcoinFamily(), policy.firstCode(), policy.answer(), keepAlive),
                keepAlive);
    }

    private void forward(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        FullHttpRequest out = request.retainedDuplicate();
        out.headers().set(HttpHeaderNames.HOST, target.host() + ":" + target.port());
        out.headers().remove(HttpHeaderNames.AUTHORIZATION);
        out.headers().remove(HttpHeaderNames.PROXY_AUTHORIZATION);
        if (target.authorization() != null) {
            out.headers().set(HttpHeaderNames.AUTHORIZATION, target.authorization());
        }
        HttpUtil.setKeepAlive(out, true);
        clientKeepAlive = keepAlive;
        inFlight = true;
        ctx.channel().config().setAutoRead(false);
        if (upstream != null && upstream.isActive()) {
            send(ctx, out);
            return;
        }
        ChannelFuture connecting = connector.connect(ctx.channel(), target, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(new HttpClientCodec(),
                        new HttpObjectAggregator(services.limits().maxResponseBytes()),
                        new UpstreamHandler(ctx));
            }
        });
        upstream = connecting.channel();
        connecting.addListener((ChannelFutureListener) future -> {
            if (future.isSuccess()) {
                send(ctx, out);
            } else {
                out.release();
                upstreamFailed(ctx.channel(), future.cause());
            }
        });
    }

    private void send(ChannelHandlerContext ctx, FullHttpRequest out) {
        upstream.writeAndFlush(out).addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                upstreamFailed(ctx.channel(), future.cause());
            }
        });
    }

    private void upstreamFailed(Channel client, Throwable cause) {
        if (!inFlight) {
            return;
        }
        inFlight = false;
        LOG.debug("Node of {} did not answer: {}", target.replica().subject(), String.valueOf(cause));
        FullHttpResponse response = RpcReplies.response(HttpResponseStatus.BAD_GATEWAY, "application/json",
                RpcReplies.error(target.bitcoinFamily(), null, RpcReplies.UNAVAILABLE, "the node is unavailable"),
                false);
        client.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** Passes the node's answer back unchanged but for the connection header, and resumes reading the client. */
    private final class UpstreamHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

        private final ChannelHandlerContext clientContext;
        private final Channel client;

        UpstreamHandler(ChannelHandlerContext clientContext) {
            this.clientContext = clientContext;
            this.client = clientContext.channel();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            if (!inFlight) {
                return;
            }
            inFlight = false;
            FullHttpResponse out = response.retainedDuplicate();
            HttpUtil.setKeepAlive(out, clientKeepAlive);
            boolean keepAlive = clientKeepAlive;
            client.writeAndFlush(out).addListener((ChannelFutureListener) future -> {
                if (!keepAlive || !future.isSuccess()) {
                    client.close();
                } else {
                    resume(clientContext);
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            upstreamFailed(client, null);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            upstreamFailed(client, cause);
            ctx.close();
        }
    }

    /** Pipelined requests held now (bounded by {@link #MAX_PIPELINED}). */
    int pipelined() {
        return waiting.size();
    }

    /** Answers the pipelined requests held meanwhile, then reads the client again unless one went to the node. */
    private void resume(ChannelHandlerContext ctx) {
        while (!inFlight && ctx.channel().isActive() && !waiting.isEmpty()) {
            FullHttpRequest next = waiting.poll();
            try {
                handle(ctx, next);
            } finally {
                next.release();
            }
        }
        if (!inFlight) {
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            if (meter.pending() > 0) {
                observe(ctx, Detector.SLOW_REQUEST, null, null, Disposition.DROPPED,
                        "(" + meter.pending() + " bytes, then silence)", meter.pending());
            }
            if (!inFlight) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (upstream != null) {
            upstream.close();
        }
        while (!waiting.isEmpty()) {
            waiting.poll().release();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A client's connection problem ends its connection, never the listener.
        LOG.debug("Closing a client of {}: {}", target.replica().subject(), cause.toString());
        ctx.close();
    }

    private void observe(ChannelHandlerContext ctx, Detector detector, String method, String path,
            Disposition disposition, String excerpt, long bytes) {
        services.observe(ctx.channel(), target.replica(), WireIncident.Port.RPC, detector, method, path,
                disposition, excerpt, bytes);
    }

    private void reply(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private static String excerpt(FullHttpRequest request, byte[] body) {
        byte[] line = (request.method() + " " + request.uri() + "\n").getBytes(StandardCharsets.UTF_8);
        int n = Math.min(body.length, Excerpts.MAX_BYTES);
        byte[] head = new byte[line.length + n];
        System.arraycopy(line, 0, head, 0, line.length);
        System.arraycopy(body, 0, head, line.length, n);
        return Excerpts.of(head, 0, line.length + body.length > head.length ? head.length : head.length)
                + (body.length > n ? "…(" + body.length + " bytes)" : "");
    }
}
