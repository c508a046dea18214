package io.chainmonitor.wirelistener.proxy;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Severity;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.MethodClass;
import io.chainmonitor.rules.chain.RpcCatalog;
import io.chainmonitor.rules.wire.WireSignatures;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.wirelistener.WireListenerProperties;
import io.chainmonitor.wirelistener.block.Gates;
import io.chainmonitor.wirelistener.listen.ReplicaKey;
import io.chainmonitor.wirelistener.record.Observation;
import io.chainmonitor.wirelistener.record.TrafficMetrics;
import io.chainmonitor.wirelistener.record.WireRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws 100,000 random and mutated requests (jqwik arbitraries, fixed seed) at the real RPC pipeline of a public port
 * — TLS sniffing, bounded HTTP codec, aggregator, JSON-RPC inspection and the proxy — over in-memory channels, with an
 * in-memory node behind it.
 */
class RpcPipelineFuzzTest {

    private static final int REQUESTS = 100_000;
    private static final ReplicaKey REPLICA = new ReplicaKey("p-fuzz", "r-1", "anvil");
    private static final byte[] NODE_ANSWER = ("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
            + "content-length: 36\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final RpcCatalog catalog = ChainCatalog.builtIn().require("anvil").rpc();
    private final WireSignatures signatures = WireSignatures.builtIn();
    private final JsonRpcInspector inspector = new JsonRpcInspector(64, 100);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final WireListenerProperties properties = new WireListenerProperties("127.0.0.1", "127.0.0.1",
            WireListenerProperties.CriticalPolicy.REFUSE, Map.of(),
            new WireListenerProperties.Limits(64 * 1024, 1024 * 1024, 8192, 64, 100, Duration.ofSeconds(30), 100,
                    Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofSeconds(10), 16 * 1024, 4),
            new WireListenerProperties.Recording(16, Duration.ofMinutes(5), 16, Severity.HIGH), Duration.ofSeconds(10),
            List.of());

    private long observations;
    private final List<FullHttpRequest> atTheNode = new ArrayList<>();
    private final List<EmbeddedChannel> upstreams = new ArrayList<>();

    /** Counts what the proxy records, and checks each observation names a signature. */
    private final WireRecorder recorder = new WireRecorder(signatures, new EventPublisher(null), clock,
            properties.recording(), new SimpleMeterRegistry()) {
        @Override
        public boolean record(Observation observation) {
            assertThat(signatures.classify(observation.detector(), observation.method(), observation.path()))
                    .as("signature of %s", observation).isNotNull();
            observations++;
            return true;
        }
    };

    private final ProxyServices services = new ProxyServices(recorder,
            new TrafficMetrics(new EventPublisher(null), Gates.open(clock, properties), clock),
            Gates.open(clock, properties), properties.limits(), clock);

    /** The node: an in-memory channel that keeps what reached it and answers each request when told to. */
    private final UpstreamConnector node = (client, target, handler) -> {
        EmbeddedChannel upstream = new EmbeddedChannel(handler, new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof FullHttpRequest request) {
                    atTheNode.add(request.retainedDuplicate());
                }
                ctx.write(msg, promise);
            }
        });
        upstreams.add(upstream);
        return upstream.newSucceededFuture();
    };

    @Test
    void aHundredThousandRandomAndMutatedRequestsAreEachForwardedOrRecordedAndNothingEscapes() {
        // jqwik's own engine does not run on this JUnit Platform; a session lets its generators work in a plain test.
        JqwikSession.start();
        try {
            fuzz();
        } finally {
            JqwikSession.finish();
        }
    }

    private void fuzz() {
        RandomGenerator<Sample> generator = samples().generator(1000);
        Random random = new Random(20261122L);
        RpcChannelInitializer initializer = new RpcChannelInitializer(new RpcTarget(REPLICA, "127.0.0.1", 8545, null,
                catalog, false, () -> WireListenerProperties.CriticalPolicy.REFUSE, null), services, node);
        EmbeddedChannel client = null;
        long forwarded = 0;
        long recorded = 0;
        long connections = 0;
        for (int i = 0; i < REQUESTS; i++) {
            if (client == null || !client.isActive()) {
                close(client);
                client = new ClientChannel(
                        new InetSocketAddress("127.0.0." + (1 + random.nextInt(8)), 40000 + i % 20000));
                client.pipeline().addLast(initializer);
                connections++;
            }
            Sample sample = generator.next(random).value();
            byte[] request = sample.bytes();
            long seenBefore = observations;
            int atNodeBefore = atTheNode.size();
            client.writeInbound(Unpooled.wrappedBuffer(request)); // rethrows anything that escaped the pipeline
            answerForwarded(client);
            if (observations == seenBefore && atTheNode.size() == atNodeBefore && client.isActive()) {
                // An incomplete request: the idle timeout ends it, and that is recorded (slowloris).
                client.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
                client.checkException();
            }
            int answers = drain(client);
            if (sample.requests() > 0 && client.isActive()) {
                // Well-formed requests, pipelined or not, each get exactly one answer, in order.
                assertThat(answers).as("answers to %d requests", sample.requests()).isEqualTo(sample.requests());
            }
            RpcFrontendHandler proxy = client.pipeline().get(RpcFrontendHandler.class);
            if (proxy != null) {
                assertThat(proxy.pipelined()).isLessThanOrEqualTo(RpcFrontendHandler.MAX_PIPELINED);
            }
            int reachedNode = atTheNode.size() - atNodeBefore;
            boolean wasRecorded = observations > seenBefore;
            assertThat(reachedNode > 0 || wasRecorded).as("request %d forwarded or recorded: %s", i,
                    new String(request, StandardCharsets.ISO_8859_1)).isTrue();
            forwarded += reachedNode > 0 ? 1 : 0;
            recorded += wasRecorded ? 1 : 0;
            for (int k = atNodeBefore; k < atTheNode.size(); k++) {
                assertOnlyRecognizedCalls(atTheNode.get(k));
            }
            releaseAtTheNode();
        }
        close(client);
        assertThat(forwarded).isPositive();
        assertThat(recorded).isPositive();
        assertThat(connections).isLessThan(REQUESTS);
        assertThat(upstreams).allMatch(upstream -> !upstream.isActive());
    }

    /** What reached the node is exactly what the catalog lets through: only calls the chain serves publicly. */
    private void assertOnlyRecognizedCalls(FullHttpRequest request) {
        JsonRpcInspector.Inspection inspection = inspector.inspect(ByteBufUtil.getBytes(request.content()));
        assertThat(inspection.problem()).isNull();
        assertThat(inspection.calls()).isNotEmpty()
                .allMatch(call -> catalog.classify(call.method()) == MethodClass.RECOGNIZED);
        assertThat(request.headers().contains("authorization")).isFalse();
    }

    /** Answers every request in flight at the node, so the client connection reads again. */
    private void answerForwarded(EmbeddedChannel client) {
        boolean answered = true;
        while (answered) {
            answered = false;
            for (EmbeddedChannel upstream : upstreams) {
                Object sent;
                while ((sent = upstream.readOutbound()) != null) {
                    ReferenceCountUtil.release(sent);
                    if (upstream.isActive()) {
                        upstream.writeInbound(Unpooled.wrappedBuffer(NODE_ANSWER));
                        answered = true;
                    }
                }
            }
            client.checkException();
        }
        upstreams.removeIf(upstream -> !upstream.isActive());
    }

    private void releaseAtTheNode() {
        atTheNode.forEach(FullHttpRequest::release);
        atTheNode.clear();
    }

    /** Reads what the client got; the number of HTTP responses. */
    private static int drain(EmbeddedChannel client) {
        int responses = 0;
        Object answer;
        while ((answer = client.readOutbound()) != null) {
            if (answer instanceof ByteBuf bytes && bytes.readableBytes() >= 9
                    && bytes.toString(bytes.readerIndex(), 9, StandardCharsets.US_ASCII).equals("HTTP/1.1 ")) {
                responses++;
            }
            ReferenceCountUtil.release(answer);
        }
        return responses;
    }

    /** Bytes sent in one write, and how many well-formed HTTP requests they hold (0 when not known). */
    private record Sample(byte[] bytes, int requests) {
    }

    private static Arbitrary<Sample> samples() {
        Arbitrary<Sample> pipelined = posts().list().ofMinSize(2).ofMaxSize(20)
                .map(posts -> new Sample(concat(posts), posts.size()));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, requests().map(bytes -> new Sample(bytes, 0))),
                net.jqwik.api.Tuple.of(2, pipelined));
    }

    private void close(EmbeddedChannel client) {
        if (client != null) {
            client.finishAndReleaseAll();
            answerForwarded(client);
            upstreams.forEach(EmbeddedChannel::finishAndReleaseAll);
            upstreams.removeIf(upstream -> !upstream.isActive());
        }
    }

    /** Requests as an attacker, a scanner, a broken client or a legitimate wallet would send them. */
    private static Arbitrary<byte[]> posts() {
        Arbitrary<String> methods = Arbitraries.of("eth_blockNumber", "eth_chainId", "eth_call", "eth_getBalance",
                "net_version", "web3_clientVersion", "personal_unlockAccount", "eth_sendTransaction", "eth_sign",
                "admin_addPeer", "debug_traceTransaction", "miner_start", "engine_newPayloadV3", "anvil_setBalance",
                "evm_mine", "rpc_modules", "getblockchaininfo", "dumpprivkey", "", "x".repeat(300));
        Arbitrary<String> call = methods.flatMap(method -> Arbitraries.integers().between(-1, 99999)
                .map(id -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":[]}"));
        Arbitrary<String> batch = call.list().ofMinSize(1).ofMaxSize(120).map(calls -> "[" + String.join(",", calls)
                + "]");
        Arbitrary<String> deep = Arbitraries.integers().between(1, 200)
                .map(depth -> "{\"method\":\"eth_call\",\"params\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        Arbitrary<String> body = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, call), net.jqwik.api.Tuple.of(2, batch), net.jqwik.api.Tuple.of(1, deep),
                net.jqwik.api.Tuple.of(2, call.flatMap(RpcPipelineFuzzTest::mutated)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
        return body.flatMap(text -> Arbitraries.of("/", "/", "/", "/rpc", "/?x=1")
                .map(path -> post(path, text)));
    }

    private static Arbitrary<byte[]> requests() {
        Arbitrary<byte[]> post = posts();
        Arbitrary<byte[]> scan = Arbitraries.of("/.env", "/.git/config", "/wp-login.php", "/admin", "/",
                "/../../etc/passwd").flatMap(
                        path -> Arbitraries.of("GET", "HEAD", "OPTIONS", "PUT", "CONNECT")
                                .map(method -> (method + " " + path + " HTTP/1.1\r\nhost: node\r\n\r\n")
                                        .getBytes(StandardCharsets.ISO_8859_1)));
        Arbitrary<byte[]> huge = Arbitraries.of(
                "POST / HTTP/1.1\r\nhost: n\r\nx-pad: " + "a".repeat(9000) + "\r\ncontent-length: 2\r\n\r\n{}",
                "POST / HTTP/1.1\r\nhost: n\r\ncontent-length: 999999999\r\n\r\n{",
                "POST / HTTP/1.1\r\nhost: n\r\ntransfer-encoding: chunked\r\n\r\n10000\r\n" + "{".repeat(300),
                "POST / HTTP/1.1\r\nhost: n\r\ncontent-length: 10\r\n\r\n{\"meth",
                "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003",
                "GET / HTTP/1.1\r\nhost: n\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n")
                .map(text -> text.getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(400);
        Arbitrary<byte[]> single = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, post),
                net.jqwik.api.Tuple.of(2, scan), net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(2, garbage),
                net.jqwik.api.Tuple.of(2, post.flatMap(RpcPipelineFuzzTest::mutatedBytes)));
        Arbitrary<byte[]> pipelined = post.list().ofMinSize(2).ofMaxSize(20).map(RpcPipelineFuzzTest::concat);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, single), net.jqwik.api.Tuple.of(1, pipelined));
    }

    private static byte[] post(String path, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nhost: node\r\ncontent-type: application/json\r\n"
                + "authorization: Basic YTpi\r\ncontent-length: " + content.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        return concat(List.of(head, content));
    }

    private static Arbitrary<String> mutated(String seed) {
        return Arbitraries.integers().between(0, seed.length() - 1).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(positions -> Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '\\', 'x', '0', ' ')
                        .list().ofSize(positions.size()).map(chars -> {
                            StringBuilder text = new StringBuilder(seed);
                            for (int k = 0; k < positions.size(); k++) {
                                text.setCharAt(Math.min(positions.get(k), text.length() - 1), chars.get(k));
                            }
                            return text.toString();
                        }));
    }

    private static Arbitrary<byte[]> mutatedBytes(byte[] seed) {
        return Arbitraries.integers().between(0, seed.length - 1).list().ofMinSize(1).ofMaxSize(3)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] copy = seed.clone();
                    for (int k = 0; k < positions.size(); k++) {
                        copy[positions.get(k)] = values.get(k);
                    }
                    return copy;
                }));
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteBuf all = Unpooled.buffer();
        parts.forEach(all::writeBytes);
        return ByteBufUtil.getBytes(all);
    }

    /** An in-memory connection with a loopback client address, as the proxy reads it from a socket. */
    private static final class ClientChannel extends EmbeddedChannel {

        private final InetSocketAddress remote;

        ClientChannel(InetSocketAddress remote) {
            this.remote = remote;
        }

        @Override
        public SocketAddress remoteAddress() {
            return remote;
        }
    }
}
