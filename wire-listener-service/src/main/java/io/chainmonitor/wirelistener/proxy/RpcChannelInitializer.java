package io.chainmonitor.wirelistener.proxy;

import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateHandler;

import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.rules.wire.Detector;

/** The pipeline of a public RPC connection: TLS sniffing and byte metering, idle timeout, bounded HTTP, the proxy. */
public final class RpcChannelInitializer extends ChannelInitializer<Channel> {

    private final RpcTarget target;
    private final ProxyServices services;
    private final JsonRpcInspector inspector;
    private final UpstreamConnector connector;

    public RpcChannelInitializer(RpcTarget target, ProxyServices services) {
        this(target, services, UpstreamConnector.TCP);
    }

    RpcChannelInitializer(RpcTarget target, ProxyServices services, UpstreamConnector connector) {
        this.target = target;
        this.services = services;
        this.connector = connector;
        this.inspector = new JsonRpcInspector(services.limits().maxJsonDepth(), services.limits().maxBatch());
    }

    @Override
    protected void initChannel(Channel channel) {
        InboundMeter meter = new InboundMeter(target.replica(), services);
        HttpDecoderConfig decoder = new HttpDecoderConfig().setMaxInitialLineLength(8192)
                .setMaxHeaderSize(services.limits().maxHeaderBytes()).setMaxChunkSize(65536);
        channel.pipeline().addLast(meter,
                new IdleStateHandler(0, 0, services.limits().idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                new HttpServerCodec(decoder), new BoundedAggregator(services.limits().maxBodyBytes()),
                new RpcFrontendHandler(target, services, inspector, meter, connector));
    }

    /** Refuses a body over the limit with 413, as Netty does, and records it first. */
    private final class BoundedAggregator extends HttpObjectAggregator {

        BoundedAggregator(int maxContentLength) {
            super(maxContentLength);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
            long declared = HttpUtil.getContentLength(oversized, -1L);
            services.observe(ctx.channel(), target.replica(), WireIncident.Port.RPC, Detector.OVERSIZED_BODY, null,
                    null, WireIncident.Disposition.REFUSED,
                    oversized instanceof io.netty.handler.codec.http.HttpRequest request
                            ? request.method() + " " + request.uri() + " (body over the limit)"
                            : "(body over the limit)",
                    Math.max(declared, 0));
            services.traffic().of(target.replica()).request(ProxyServices.remote(ctx.channel()).getAddress(), false,
                    true);
            super.handleOversizedMessage(ctx, oversized);
        }
    }
}
