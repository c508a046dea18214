package io.chainmonitor.adapters.evm;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClient;
import io.chainmonitor.adapters.ChainHead;
import io.chainmonitor.adapters.ChainTip;
import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint;
import io.chainmonitor.adapters.NodeStatus;
import io.chainmonitor.adapters.rpc.Answers;
import io.chainmonitor.adapters.rpc.JsonRpcChainClient;
import io.chainmonitor.adapters.rpc.RpcCall;
import io.chainmonitor.adapters.rpc.RpcReply;
import io.chainmonitor.rules.chain.ChainFamily;

/**
 * {@link ChainClient} for Ethereum JSON-RPC nodes (anvil, geth and kin): batched HTTP JSON-RPC over web3j's OkHttp
 * client, web3j's block and receipt models, heads from {@code eth_subscribe newHeads} over web3j's WebSocket client
 * with HTTP polling while the socket is down.
 */
public final class EvmChainClient extends JsonRpcChainClient {

    private final EvmBlocks blocks;
    private final NewHeadsChannel newHeads;

    public EvmChainClient(NodeEndpoint endpoint, ClientSettings settings) {
        super(ChainFamily.EVM, 18, "eth_blockNumber", endpoint, settings,
                new OkHttpTransport(endpoint.rpcUrl(), settings.requestTimeout()), "2.0");
        this.blocks = new EvmBlocks(rpc());
        this.newHeads = endpoint.wsUrl() == null ? null : new NewHeadsChannel(endpoint.wsUrl());
    }

    @Override
    public ChainHead head() {
        JsonNode answer = rpc().call("eth_getBlockByNumber", "latest", false);
        return Answers.decode("eth_getBlockByNumber", () -> {
            EthBlock.Block header = blocks.header(Answers.require(answer.isNull() ? null : answer, "latest block"));
            return new ChainHead(header.getNumber().longValueExact(), header.getHash(),
                    Instant.ofEpochSecond(header.getTimestamp().longValueExact()));
        });
    }

    @Override
    public List<Block> blocks(long fromHeight, long toHeight) {
        return blocks.range(fromHeight, toHeight);
    }

    @Override
    public Optional<Block> blockByHash(String hash) {
        return Optional.ofNullable(blocks.byHash(hash));
    }

    /** EVM nodes report no fork tips. */
    @Override
    public List<ChainTip> chainTips() {
        return List.of();
    }

    @Override
    public NodeStatus status() {
        Instant sampledAt = Instant.now();
        List<RpcReply> replies = rpc().batch(List.of(RpcCall.of("web3_clientVersion"), RpcCall.of("net_peerCount"),
                RpcCall.of("eth_syncing"), RpcCall.of("txpool_status"), RpcCall.of("admin_peers"),
                RpcCall.of("eth_getBlockByNumber", "latest", false),
                RpcCall.of("eth_getBlockByNumber", "finalized", false)));
        JsonNode syncing = replies.get(2).orThrow();
        JsonNode latestAnswer = replies.get(5).orThrow();
        return Answers.decode("status", () -> {
            EthBlock.Block latest = blocks.header(Answers.require(latestAnswer.isNull() ? null : latestAnswer,
                    "latest block"));
            String version = replies.get(0).failed() ? null : replies.get(0).result().asString();
            int peerCount = replies.get(1).failed() ? 0 : quantity(replies.get(1).result()).intValueExact();
            Long mempool = replies.get(3).failed()
                    ? null
                    : quantity(Answers.field(replies.get(3).result(), "pending"))
                            .add(quantity(Answers.field(replies.get(3).result(), "queued"))).longValueExact();
            List<NodeStatus.Peer> peers = replies.get(4).failed() ? List.of() : peers(replies.get(4).result());
            boolean isSyncing = !(syncing.isBoolean() && !syncing.booleanValue());
            BigInteger difficulty = latest.getDifficultyRaw() == null ? BigInteger.ZERO : latest.getDifficulty();
            return new NodeStatus(sampledAt, version, Math.max(peerCount, peers.size()), peers, isSyncing, mempool,
                    null, null, difficulty.doubleValue(), finalizedLag(latest, replies.get(6)));
        });
    }

    @Override
    public HeadSubscription subscribeHeads(HeadListener listener) {
        return followHeads(listener, newHeads);
    }

    /**
     * Blocks between the head and the {@code finalized} block; {@code null} when the node knows no such tag (before
     * the Merge, or a client without it) or has nothing finalized yet.
     */
    private Long finalizedLag(EthBlock.Block latest, RpcReply finalized) {
        if (finalized.failed() || finalized.result().isNull()) {
            return null;
        }
        EthBlock.Block block = blocks.header(finalized.result());
        return Math.max(0, latest.getNumber().longValueExact() - block.getNumber().longValueExact());
    }

    /** geth's {@code admin_peers}, where the node opens the admin namespace. */
    private static List<NodeStatus.Peer> peers(JsonNode answer) {
        List<NodeStatus.Peer> peers = new ArrayList<>();
        for (JsonNode peer : answer) {
            JsonNode network = peer.path("network");
            peers.add(new NodeStatus.Peer(Answers.text(peer, "id"), Answers.text(network, "remoteAddress"),
                    peer.path("name").asString(null), network.path("inbound").asBoolean(false), null, null, null));
        }
        return peers;
    }

    private static BigInteger quantity(JsonNode value) {
        return Numeric.decodeQuantity(value.stringValue());
    }
}
