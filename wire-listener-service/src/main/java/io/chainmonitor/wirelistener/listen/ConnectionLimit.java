package io.chainmonitor.wirelistener.listen;

import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;

/** Accepts at most {@code max} open connections on a port; more are closed at once, before any handler runs. */
final class ConnectionLimit extends ChannelInitializer<Channel> {

    private final int max;
    private final ChannelHandler next;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimit(int max, ChannelHandler next) {
        this.max = max;
        this.next = next;
    }

    @Override
    protected void initChannel(Channel channel) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        channel.pipeline().addLast(next);
    }
}
