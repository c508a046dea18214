package io.chainmonitor.adapters.evm;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.reactivex.disposables.Disposable;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthSubscribe;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.NewHead;
import org.web3j.protocol.websocket.events.NewHeadsNotification;
import org.web3j.utils.Numeric;

import io.chainmonitor.adapters.ChainHead;
import io.chainmonitor.adapters.rpc.HeadFollower;

/** {@code eth_subscribe newHeads} over web3j's {@link WebSocketService}: one socket per opening. */
final class NewHeadsChannel implements HeadFollower.PushChannel {

    private final URI wsUrl;

    NewHeadsChannel(URI wsUrl) {
        this.wsUrl = wsUrl;
    }

    @Override
    public AutoCloseable open(Consumer<ChainHead> onHead, Consumer<Throwable> onDrop) throws Exception {
        WebSocketService socket = new WebSocketService(wsUrl.toString(), false);
        try {
            socket.connect();
            Request<Object, EthSubscribe> subscribe = new Request<>("eth_subscribe", List.of("newHeads"), socket,
                    EthSubscribe.class);
            // web3j subscribes synchronously: a refusal of eth_subscribe arrives before subscribe() returns. It is a
            // failure to open, not a drop, so that the follower reports it once instead of on every reopening.
            AtomicReference<Throwable> refusal = new AtomicReference<>();
            AtomicReference<Consumer<Throwable>> failures = new AtomicReference<>(refusal::set);
            Disposable subscription = socket.subscribe(subscribe, "eth_unsubscribe", NewHeadsNotification.class)
                    .subscribe(notification -> {
                        ChainHead head;
                        try {
                            head = head(notification.getParams().getResult());
                        } catch (RuntimeException garbage) {
                            failures.get().accept(garbage);
                            return;
                        }
                        onHead.accept(head);
                    }, failure -> failures.get().accept(failure));
            failures.set(onDrop);
            if (refusal.get() != null) {
                subscription.dispose();
                throw new IOException("eth_subscribe newHeads failed: " + refusal.get().getMessage(), refusal.get());
            }
            return () -> {
                subscription.dispose();
                socket.close();
            };
        } catch (Exception e) {
            socket.close();
            throw e;
        }
    }

    private static ChainHead head(NewHead head) {
        return new ChainHead(Numeric.decodeQuantity(head.getNumber()).longValueExact(), head.getHash(),
                Instant.ofEpochSecond(Numeric.decodeQuantity(head.getTimestamp()).longValueExact()));
    }
}
