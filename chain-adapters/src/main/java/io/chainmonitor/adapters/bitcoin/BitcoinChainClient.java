package io.chainmonitor.adapters.bitcoin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClient;
import io.chainmonitor.adapters.ChainHead;
import io.chainmonitor.adapters.ChainTip;
import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint;
import io.chainmonitor.adapters.NodeStatus;
import io.chainmonitor.adapters.rpc.Answers;
import io.chainmonitor.adapters.rpc.JdkHttpTransport;
import io.chainmonitor.adapters.rpc.JsonRpcChainClient;
import io.chainmonitor.adapters.rpc.RpcCall;
import io.chainmonitor.rules.chain.ChainFamily;

/**
 * {@link ChainClient} for Bitcoin Core and its forks (bitcoind, litecoind): batched JSON-RPC over the JDK HTTP client
 * with user/password or cookie-file authentication; heads by polling {@code getbestblockhash}.
 */
public final class BitcoinChainClient extends JsonRpcChainClient {

    private final BitcoinBlocks blocks;
    private volatile ChainHead lastHead;

    public BitcoinChainClient(NodeEndpoint endpoint, ClientSettings settings) {
        super(ChainFamily.BITCOIN, 8, "getblockcount", endpoint, settings,
                new JdkHttpTransport(endpoint.rpcUrl(), settings.requestTimeout()), "1.0");
        this.blocks = new BitcoinBlocks(rpc());
    }

    @Override
    public ChainHead head() {
        String hash = Answers.decode("getbestblockhash", rpc().call("getbestblockhash")::stringValue);
        ChainHead known = lastHead;
        if (known != null && known.hash().equals(hash)) {
            return known;
        }
        JsonNode header = rpc().call("getblockheader", hash, true);
        ChainHead head = Answers.decode("getblockheader", () -> new ChainHead(Answers.integer(header, "height"),
                Answers.text(header, "hash"), Instant.ofEpochSecond(Answers.integer(header, "time"))));
        lastHead = head;
        return head;
    }

    @Override
    public List<Block> blocks(long fromHeight, long toHeight) {
        return blocks.range(fromHeight, toHeight);
    }

    @Override
    public Optional<Block> blockByHash(String hash) {
        return Optional.ofNullable(blocks.byHash(hash));
    }

    @Override
    public List<ChainTip> chainTips() {
        JsonNode answer = rpc().call("getchaintips");
        return Answers.decode("getchaintips", () -> {
            List<ChainTip> tips = new ArrayList<>();
            for (JsonNode tip : answer) {
                tips.add(new ChainTip(Answers.integer(tip, "height"), Answers.text(tip, "hash"),
                        Math.toIntExact(Answers.integer(tip, "branchlen")), status(Answers.text(tip, "status"))));
            }
            return tips;
        });
    }

    @Override
    public NodeStatus status() {
        Instant sampledAt = Instant.now();
        List<JsonNode> answers = rpc().batchResults(List.of(RpcCall.of("getnetworkinfo"), RpcCall.of("getpeerinfo"),
                RpcCall.of("getmempoolinfo"), RpcCall.of("getblockchaininfo"), RpcCall.of("getnetworkhashps"),
                RpcCall.of("getdifficulty")));
        return Answers.decode("status", () -> {
            JsonNode network = answers.get(0);
            List<NodeStatus.Peer> peers = new ArrayList<>();
            for (JsonNode peer : answers.get(1)) {
                peers.add(peer(peer));
            }
            JsonNode mempool = answers.get(2);
            int connections = network.has("connections")
                    ? Math.toIntExact(Answers.integer(network, "connections"))
                    : peers.size();
            return new NodeStatus(sampledAt, Answers.text(network, "subversion"), connections, peers,
                    answers.get(3).path("initialblockdownload").asBoolean(false), Answers.integer(mempool, "size"),
                    Answers.integer(mempool, "bytes"), answers.get(4).decimalValue().doubleValue(),
                    answers.get(5).decimalValue().doubleValue(), null);
        });
    }

    @Override
    public HeadSubscription subscribeHeads(HeadListener listener) {
        return followHeads(listener, null);
    }

    private static NodeStatus.Peer peer(JsonNode peer) {
        Long bestHeight = null;
        if (peer.path("synced_headers").asLong(-1) >= 0) {
            bestHeight = peer.get("synced_headers").longValue();
        } else if (peer.path("startingheight").asLong(-1) >= 0) {
            bestHeight = peer.get("startingheight").longValue();
        }
        Duration ping = peer.hasNonNull("pingtime")
                ? Duration.ofNanos(Answers.decimal(peer, "pingtime").movePointRight(9).longValue())
                : null;
        Instant since = peer.hasNonNull("conntime") ? Instant.ofEpochSecond(Answers.integer(peer, "conntime")) : null;
        return new NodeStatus.Peer(String.valueOf(Answers.integer(peer, "id")), Answers.text(peer, "addr"),
                peer.path("subver").asString(null), peer.path("inbound").asBoolean(false), bestHeight, ping, since);
    }

    private static ChainTip.Status status(String status) {
        return switch (status) {
            case "active" -> ChainTip.Status.ACTIVE;
            case "valid-fork" -> ChainTip.Status.VALID_FORK;
            case "valid-headers" -> ChainTip.Status.VALID_HEADERS;
            case "headers-only" -> ChainTip.Status.HEADERS_ONLY;
            case "invalid" -> ChainTip.Status.INVALID;
            default -> throw new IllegalArgumentException("unknown chain tip status " + status);
        };
    }

}
