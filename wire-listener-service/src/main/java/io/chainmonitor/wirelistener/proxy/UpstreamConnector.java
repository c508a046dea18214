package io.chainmonitor.wirelistener.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;

/** Opens the connection to the node for one client connection; a seam so the pipeline can be fuzzed in memory. */
interface UpstreamConnector {

    /** Over TCP, on the client connection's own event loop so that both sides never need locking. */
    UpstreamConnector TCP = (client, target, handler) -> new Bootstrap().group(client.eventLoop())
            .channel(NioSocketChannel.class).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000).handler(handler)
            .connect(target.host(), target.port());

    /**
     * Connects to the node.
     *
     * @param client the public connection the upstream one serves
     * @param target the node
     * @param handler the upstream pipeline's initializer
     * @return the connect future, whose channel is the upstream connection
     */
    ChannelFuture connect(Channel client, RpcTarget target, ChannelHandler handler);
}
