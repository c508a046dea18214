package io.chainmonitor.wirelistener.listen;

import java.net.InetSocketAddress;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public ports of one replica. Ports are chosen by the system on first open and kept for the replica's life, so
 * that isolating and restoring a replica gives it back the same public addresses.
 */
final class ReplicaListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaListener.class);

    private final ReplicaKey replica;
    private final String bindHost;
    private final ChannelHandler rpc;
    private final ChannelHandler p2p;
    private int rpcPort;
    private int p2pPort;
    private Channel rpcServer;
    private Channel p2pServer;
    private boolean isolated;

    /** {@code rpcPort}/{@code p2pPort}: the ports to ask for first (those of an earlier life), or 0. */
    ReplicaListener(ReplicaKey replica, String bindHost, ChannelHandler rpc, ChannelHandler p2p, int rpcPort,
            int p2pPort) {
        this.replica = replica;
        this.rpcPort = rpcPort;
        this.p2pPort = p2pPort;
        this.bindHost = bindHost;
        this.rpc = rpc;
        this.p2p = p2p;
    }

    synchronized void open(EventLoopGroup boss, EventLoopGroup workers, int maxConnections) {
        if (rpc != null && rpcServer == null) {
            rpcServer = bind(boss, workers, rpc, rpcPort, maxConnections);
            rpcPort = ((InetSocketAddress) rpcServer.localAddress()).getPort();
        }
        if (p2p != null && p2pServer == null) {
            p2pServer = bind(boss, workers, p2p, p2pPort, maxConnections);
            p2pPort = ((InetSocketAddress) p2pServer.localAddress()).getPort();
        }
        isolated = false;
    }

    synchronized void close() {
        if (rpcServer != null) {
            rpcServer.close().syncUninterruptibly();
            rpcServer = null;
        }
        if (p2pServer != null) {
            p2pServer.close().syncUninterruptibly();
            p2pServer = null;
        }
    }

    synchronized void isolate() {
        close();
        isolated = true;
    }

    synchronized boolean isolated() {
        return isolated;
    }

    ReplicaKey replica() {
        return replica;
    }

    synchronized Integer rpcPort() {
        return rpc == null ? null : rpcPort;
    }

    synchronized Integer p2pPort() {
        return p2p == null ? null : p2pPort;
    }

    private Channel bind(EventLoopGroup boss, EventLoopGroup workers, ChannelHandler handler, int port,
            int maxConnections) {
        if (port != 0) {
            try {
                return bootstrap(boss, workers, handler, maxConnections).bind(bindHost, port).syncUninterruptibly()
                        .channel();
            } catch (RuntimeException taken) {
                // The old port is taken by someone else now: the replica gets a new one, published as usual.
                LOG.warn("Port {} of {} is no longer free; a new one is chosen", port, replica.subject());
            }
        }
        return bootstrap(boss, workers, handler, maxConnections).bind(bindHost, 0).syncUninterruptibly().channel();
    }

    private static ServerBootstrap bootstrap(EventLoopGroup boss, EventLoopGroup workers, ChannelHandler handler,
            int maxConnections) {
        return new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, Math.min(maxConnections, 1024))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ConnectionLimit(maxConnections, handler));
    }
}
