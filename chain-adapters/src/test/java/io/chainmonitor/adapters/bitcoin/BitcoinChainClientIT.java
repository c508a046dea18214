package io.chainmonitor.adapters.bitcoin;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClient;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ChainHead;
import io.chainmonitor.adapters.ChainTip;
import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint;
import io.chainmonitor.adapters.NodeEndpoint.Credentials;
import io.chainmonitor.adapters.NodeStatus;
import io.chainmonitor.adapters.Transaction;
import io.chainmonitor.adapters.testing.NodeProcess;
import io.chainmonitor.adapters.testing.RecordingListener;
import io.chainmonitor.adapters.testing.TestNodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link BitcoinChainClient} against two real litecoind nodes in regtest, peered on loopback: {@code miner} keeps a
 * transaction index and a wallet, {@code peer} has neither.
 */
class BitcoinChainClientIT {

    private static final Credentials USER = new Credentials.UserPassword("monitor", "regtest-secret");
    private static final ClientSettings SETTINGS = new ClientSettings(Duration.ofSeconds(20), 10, 3,
            Duration.ofMillis(200));
    /** Regtest pays 50 coins a block for the first 150 blocks. */
    private static final BigInteger SUBSIDY = BigInteger.valueOf(5_000_000_000L);

    @TempDir
    static Path workDir;

    private static NodeProcess miner;
    private static NodeProcess peer;
    private static int minerP2pPort;
    private static BitcoinChainClient minerClient;
    private static BitcoinChainClient peerClient;

    @BeforeAll
    static void startNodes() throws IOException {
        minerP2pPort = NodeProcess.freePort();
        miner = TestNodes.litecoind(Files.createDirectories(workDir.resolve("miner")), NodeProcess.freePort(),
                minerP2pPort, USER, true).start();
        peer = TestNodes.litecoind(Files.createDirectories(workDir.resolve("peer")), NodeProcess.freePort(),
                NodeProcess.freePort(), USER, false, "-addnode=127.0.0.1:" + minerP2pPort).start();
        minerClient = new BitcoinChainClient(new NodeEndpoint(miner.rpcUrl(), null, USER), SETTINGS);
        peerClient = new BitcoinChainClient(new NodeEndpoint(peer.rpcUrl(), null, USER), SETTINGS);
        miner.call("createwallet", "miner");
        // Coinbase outputs mature after 100 blocks: 101 blocks leave one spendable.
        miner.call("generatetoaddress", 101, address());
        awaitSameTip();
    }

    @AfterAll
    static void stopNodes() {
        IllegalStateException failure = new IllegalStateException("stopping the nodes failed");
        // Every node is stopped even when closing something before it fails.
        for (AutoCloseable closeable : new AutoCloseable[]{minerClient, peerClient, miner, peer}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    @Test
    void blocksCarryTheCoinbaseProducerAndTheExactValueAndFeeOfAPayment() {
        String payee = address();
        String txid = miner.call("sendtoaddress", payee, new BigDecimal("1.23456789")).asString();
        BigInteger walletFee = satoshi(miner.call("gettransaction", txid).get("fee").decimalValue().negate());
        String producer = address();
        String blockHash = miner.call("generatetoaddress", 1, producer).get(0).asString();
        long height = minerClient.head().height();

        Block block = minerClient.blocks(height, height).getFirst();

        assertThat(block.hash()).isEqualTo(blockHash);
        assertThat(block.producer()).isEqualTo(producer);
        assertThat(block.transactions()).hasSize(2);
        Transaction coinbase = block.transactions().getFirst();
        assertThat(coinbase.coinbase()).isTrue();
        assertThat(coinbase.value()).isEqualTo(SUBSIDY.add(walletFee));
        Transaction payment = block.transactions().get(1);
        assertThat(payment.hash()).isEqualTo(txid);
        assertThat(payment.fee()).isEqualTo(walletFee);
        // The wallet spent one 50-coin coinbase output: what is not fee went to the payee and back as change.
        assertThat(payment.value()).isEqualTo(SUBSIDY.subtract(walletFee));
        assertThat(payment.to()).contains(payee);
        assertThat(payment.from()).hasSize(1);
        assertThat(payment.sizeBytes()).isEqualTo(
                miner.call("getrawtransaction", txid, true).get("size").longValue());
        assertThat(block.sizeBytes()).isEqualTo(miner.call("getblock", blockHash, 1).get("size").longValue());

        // A node without a transaction index reports the same values but cannot know the fee.
        awaitSameTip();
        Transaction seenByPeer = peerClient.blocks(height, height).getFirst().transactions().get(1);
        assertThat(seenByPeer.value()).isEqualTo(payment.value());
        assertThat(seenByPeer.fee()).isNull();
        assertThat(seenByPeer.from()).isEmpty();
    }

    @Test
    void aPartitionWithPrivateMiningOnBothSidesLeavesTheLosingBranchAsAValidFork() {
        awaitSameTip();
        long forkPoint = minerClient.head().height();

        miner.call("setnetworkactive", false);
        await().until(() -> peer.call("getconnectioncount").intValue() == 0);
        miner.call("generatetoaddress", 2, address());
        String losingTip = miner.call("getbestblockhash").asString();
        peer.call("generatetoaddress", 3, miner.call("getnewaddress").asString());
        String winningTip = peer.call("getbestblockhash").asString();
        miner.call("setnetworkactive", true);
        peer.call("addnode", "127.0.0.1:" + minerP2pPort, "onetry");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> miner.call("getbestblockhash").asString().equals(winningTip));

        List<ChainTip> tips = minerClient.chainTips();

        assertThat(tips).contains(new ChainTip(forkPoint + 3, winningTip, 0, ChainTip.Status.ACTIVE),
                new ChainTip(forkPoint + 2, losingTip, 2, ChainTip.Status.VALID_FORK));
        assertThat(minerClient.head()).extracting(ChainHead::height, ChainHead::hash).containsExactly(forkPoint + 3,
                winningTip);
        // The orphaned block is still readable by its hash.
        assertThat(minerClient.blockByHash(losingTip)).hasValueSatisfying(
                orphan -> assertThat(orphan.height()).isEqualTo(forkPoint + 2));
    }

    @Test
    void statusListsThePeerWithItsAddressAndVersion() {
        await().until(() -> !peerClient.status().peers().isEmpty());

        NodeStatus status = peerClient.status();

        assertThat(status.clientVersion()).startsWith("/LitecoinCore:");
        assertThat(status.peerCount()).isEqualTo(status.peers().size());
        assertThat(status.peers()).anySatisfy(other -> {
            assertThat(other.address()).isEqualTo("127.0.0.1:" + minerP2pPort);
            assertThat(other.inbound()).isFalse();
            assertThat(other.clientVersion()).startsWith("/LitecoinCore:");
            assertThat(other.connectedSince()).isNotNull();
        });
        assertThat(status.syncing()).isFalse();
        assertThat(status.difficulty()).isPositive();
        assertThat(status.mempoolSize()).isNotNull();
        assertThat(minerClient.status().peers()).anySatisfy(other -> assertThat(other.inbound()).isTrue());
    }

    @Test
    void headsArePolledAndFollowMining() {
        RecordingListener listener = new RecordingListener();
        List<ChainHead> heads = listener.heads();
        try (ChainClient.HeadSubscription subscription = peerClient.subscribeHeads(listener)) {
            await().until(() -> !heads.isEmpty());
            assertThat(subscription.pushing()).isFalse();
            long height = heads.getLast().height();

            String mined = miner.call("generatetoaddress", 1, address()).get(0).asString();

            await().until(() -> heads.getLast().hash().equals(mined));
            assertThat(heads.getLast().height()).isEqualTo(height + 1);
            assertThat(listener.errors()).isEmpty();
        }
    }

    @Test
    void aHeightAboveTheTipAndAWrongPasswordAreRejected() {
        long tip = minerClient.head().height();

        assertThatThrownBy(() -> minerClient.blocks(tip + 1, tip + 1)).isInstanceOfSatisfying(
                ChainClientException.Rejected.class, rejected -> assertThat(rejected.code()).isEqualTo(-8));
        try (BitcoinChainClient wrong = new BitcoinChainClient(
                new NodeEndpoint(miner.rpcUrl(), null, new Credentials.UserPassword("monitor", "wrong")),
                SETTINGS)) {
            assertThatThrownBy(wrong::ping).isInstanceOfSatisfying(ChainClientException.Rejected.class,
                    rejected -> assertThat(rejected.code()).isEqualTo(401));
        }
    }

    @Test
    void aCookieWrittenByARestartedNodeIsPickedUp() throws IOException {
        Path dataDir = Files.createDirectories(workDir.resolve("cookie"));
        Credentials cookie = new Credentials.Cookie(TestNodes.cookie(dataDir));
        int rpcPort = NodeProcess.freePort();
        int p2pPort = NodeProcess.freePort();
        NodeProcess node = TestNodes.litecoind(dataDir, rpcPort, p2pPort, cookie, false).start();
        try (BitcoinChainClient client = new BitcoinChainClient(new NodeEndpoint(node.rpcUrl(), null, cookie),
                SETTINGS)) {
            assertThat(client.head().height()).isZero();
            String firstCookie = Files.readString(TestNodes.cookie(dataDir));

            node.stop();
            node.start();

            assertThat(Files.readString(TestNodes.cookie(dataDir))).isNotEqualTo(firstCookie);
            assertThat(client.head().height()).isZero();
        } finally {
            node.stop();
        }
    }

    private static String address() {
        return miner.call("getnewaddress").asString();
    }

    private static void awaitSameTip() {
        await().atMost(Duration.ofSeconds(60)).until(() -> miner.call("getbestblockhash").asString()
                .equals(peer.call("getbestblockhash").asString()));
    }

    private static BigInteger satoshi(BigDecimal coins) {
        return coins.movePointRight(8).toBigIntegerExact();
    }
}
