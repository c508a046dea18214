package io.chainmonitor.adapters.evm;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ContractUtils;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClient;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ChainHead;
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

/** {@link EvmChainClient} against a real anvil. */
class EvmChainClientIT {

    /** Init code that deploys {@code PUSH1 0 CALLDATALOAD PUSH1 0 SSTORE STOP}: stores the first call data word. */
    private static final String CONTRACT = "0x6007600c60003960076000f360003560005500";
    private static final ClientSettings SETTINGS = new ClientSettings(Duration.ofSeconds(10), 5, 3,
            Duration.ofMillis(200));

    @TempDir
    static Path workDir;

    private static NodeProcess anvil;
    private static EvmChainClient client;
    private static List<String> accounts;

    @BeforeAll
    static void startAnvil() {
        int port = NodeProcess.freePort();
        anvil = TestNodes.anvil(port, workDir).start();
        client = new EvmChainClient(new NodeEndpoint(anvil.rpcUrl(), URI.create("ws://127.0.0.1:" + port),
                new Credentials.None()), SETTINGS);
        accounts = anvil.call("eth_accounts").valueStream().map(JsonNode::asString).toList();
    }

    @AfterAll
    static void stopAnvil() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (anvil != null) {
                anvil.stop();
            }
        }
    }

    @Test
    void blocksCarryExactlyTheValuesFeesAndContractOfTheTransactionsSent() {
        long start = client.head().height();
        BigInteger oneAndAHalfEther = new BigInteger("1500000000000000000");
        String transfer = send(Map.of("from", accounts.get(0), "to", accounts.get(5), "value", hex(oneAndAHalfEther)));
        String smallTransfer = send(Map.of("from", accounts.get(1), "to", accounts.get(6), "value", hex(12_345)));
        BigInteger deployerNonce = quantity(anvil.call("eth_getTransactionCount", accounts.get(2), "latest"));
        String deployment = send(Map.of("from", accounts.get(2), "data", CONTRACT));
        anvil.call("evm_mine");
        String contract = ContractUtils.generateContractAddress(accounts.get(2), deployerNonce);
        String call = send(Map.of("from", accounts.get(3), "to", contract, "data", "0x" + "00".repeat(31) + "2a"));
        anvil.call("evm_mine");

        List<Block> blocks = client.blocks(start + 1, start + 2);

        assertThat(blocks).extracting(Block::height).containsExactly(start + 1, start + 2);
        assertThat(blocks.get(1).parentHash()).isEqualTo(blocks.get(0).hash());
        Block first = blocks.get(0);
        assertThat(first.transactions()).extracting(Transaction::hash).containsExactlyInAnyOrder(transfer,
                smallTransfer, deployment);
        Transaction sent = transaction(first, transfer);
        assertThat(sent.value()).isEqualTo(oneAndAHalfEther);
        assertThat(sent.from()).containsExactly(accounts.get(0));
        assertThat(sent.to()).containsExactly(accounts.get(5));
        assertThat(transaction(first, smallTransfer).value()).isEqualTo(BigInteger.valueOf(12_345));
        Transaction deployed = transaction(first, deployment);
        assertThat(deployed.contractCreated()).isEqualToIgnoringCase(contract);
        assertThat(deployed.to()).isEmpty();
        assertThat(anvil.call("eth_getCode", contract, "latest").asString()).isEqualTo("0x60003560005500");
        // What each sender paid, value plus fee, is exactly what left its balance in that block.
        for (int sender = 0; sender < 3; sender++) {
            String account = accounts.get(sender);
            Transaction tx = first.transactions().stream().filter(t -> t.from().contains(account)).findFirst()
                    .orElseThrow();
            assertThat(balance(account, start).subtract(balance(account, start + 1)))
                    .isEqualTo(tx.value().add(tx.fee()));
        }
        assertThat(first.transactions()).allSatisfy(tx -> {
            assertThat(tx.succeeded()).isTrue();
            assertThat(tx.contractCall()).isFalse();
            assertThat(tx.sizeBytes()).isEqualTo(rawSize(tx.hash()));
        });
        assertThat(first.gasUsed()).isEqualTo(
                first.transactions().stream().mapToLong(tx -> gasUsed(tx.hash())).sum());

        Transaction contractCall = blocks.get(1).transactions().getFirst();
        assertThat(contractCall.hash()).isEqualTo(call);
        assertThat(contractCall.contractCall()).isTrue();
        assertThat(contractCall.contractCreated()).isNull();
        assertThat(balance(accounts.get(3), start + 1).subtract(balance(accounts.get(3), start + 2)))
                .isEqualTo(contractCall.fee());
        assertThat(quantity(anvil.call("eth_getStorageAt", contract, "0x0", "latest"))).isEqualTo(42);
    }

    @Test
    void aStagedReorgReplacesTheHeadAndTheReplacedBlockIsGoneFromAnvil() {
        anvil.call("evm_mine");
        String paid = send(Map.of("from", accounts.get(4), "to", accounts.get(7), "value", hex(777)));
        anvil.call("evm_mine");
        ChainHead before = client.head();
        Block replaced = client.blocks(before.height(), before.height()).getFirst();
        assertThat(replaced.transactions()).extracting(Transaction::hash).containsExactly(paid);

        anvil.call("anvil_reorg", 1, List.of());

        ChainHead after = client.head();
        assertThat(after.height()).isEqualTo(before.height());
        assertThat(after.hash()).isNotEqualTo(before.hash());
        Block replacement = client.blocks(after.height(), after.height()).getFirst();
        assertThat(replacement.hash()).isEqualTo(after.hash());
        assertThat(replacement.parentHash()).isEqualTo(replaced.parentHash());
        assertThat(replacement.transactions()).isEmpty();
        // anvil forgets a block it reorganised away; a node that keeps side blocks would return it here.
        assertThat(client.blockByHash(before.hash())).isEmpty();
        assertThat(client.blockByHash(after.hash())).map(Block::height).contains(after.height());
    }

    @Test
    void aHeightAboveTheHeadIsRejected() {
        long head = client.head().height();

        assertThatThrownBy(() -> client.blocks(head + 1, head + 1)).isInstanceOf(ChainClientException.Rejected.class);
    }

    @Test
    void statusCountsPendingTransactionsInTheTxpool() {
        send(Map.of("from", accounts.get(8), "to", accounts.get(9), "value", hex(1)));

        NodeStatus status = client.status();

        assertThat(status.clientVersion()).startsWith("anvil/");
        assertThat(status.mempoolSize()).isEqualTo(1);
        assertThat(status.syncing()).isFalse();
        assertThat(status.peers()).isEmpty();
        // Anvil finalizes two epochs of 32 slots behind its head, or its genesis while it has fewer blocks.
        long head = client.head().height();
        assertThat(status.finalizedLag()).isEqualTo(Math.min(head, 64));
        anvil.call("evm_mine");
        assertThat(client.status().mempoolSize()).isZero();
        assertThat(client.ping()).isPositive();
    }

    @Test
    void minedBlocksArriveAsPushedHeads() {
        RecordingListener listener = new RecordingListener();
        List<ChainHead> heads = listener.heads();
        // Polling once an hour: whatever arrives after the first head came over the WebSocket.
        try (EvmChainClient pushOnly = new EvmChainClient(
                new NodeEndpoint(anvil.rpcUrl(), URI.create("ws://127.0.0.1:" + anvil.rpcUrl().getPort()),
                        new Credentials.None()),
                new ClientSettings(Duration.ofSeconds(10), 5, 3, Duration.ofHours(1)));
                ChainClient.HeadSubscription subscription = pushOnly.subscribeHeads(listener)) {
            await().until(() -> subscription.pushing() && !heads.isEmpty());
            long height = heads.getLast().height();

            anvil.call("evm_mine");
            anvil.call("evm_mine");

            await().until(() -> heads.getLast().height() == height + 2);
            assertThat(heads).extracting(ChainHead::height).endsWith(height + 1, height + 2);
            assertThat(heads.getLast().hash()).isEqualTo(client.head().hash());
        }
    }

    @Test
    void headsFallBackToPollingWhenTheNodeGoesAwayAndArePushedAgainAfterItReturns() {
        int port = NodeProcess.freePort();
        NodeProcess restartable = TestNodes.anvil(port, workDir).start();
        RecordingListener listener = new RecordingListener();
        List<ChainHead> heads = listener.heads();
        List<ChainClientException> errors = listener.errors();
        try (EvmChainClient watcher = new EvmChainClient(
                new NodeEndpoint(restartable.rpcUrl(), URI.create("ws://127.0.0.1:" + port), new Credentials.None()),
                SETTINGS); ChainClient.HeadSubscription subscription = watcher.subscribeHeads(listener)) {
            await().until(() -> subscription.pushing() && !heads.isEmpty());
            restartable.call("evm_mine");
            await().until(() -> heads.getLast().height() == 1);

            restartable.stop();
            await().until(() -> !subscription.pushing() && !errors.isEmpty());
            assertThat(errors.getFirst()).isInstanceOf(ChainClientException.Unavailable.class);
            // Polling goes on and reports the node as unreachable.
            await().until(() -> errors.size() >= 3);
            assertThat(errors).allSatisfy(error -> assertThat(error.retryable()).isTrue());

            restartable.start();
            await().until(subscription::pushing);
            restartable.call("evm_mine");
            restartable.call("evm_mine");
            await().until(() -> heads.getLast().height() == 2);
            assertThat(heads.getLast().hash()).isEqualTo(watcher.head().hash());
        } finally {
            restartable.stop();
        }
    }

    private static String send(Map<String, String> transaction) {
        return anvil.call("eth_sendTransaction", transaction).asString();
    }

    private static Transaction transaction(Block block, String hash) {
        return block.transactions().stream().filter(tx -> tx.hash().equals(hash)).findFirst().orElseThrow();
    }

    private static BigInteger balance(String account, long height) {
        return quantity(anvil.call("eth_getBalance", account, hex(height)));
    }

    private static long rawSize(String hash) {
        return Numeric.hexStringToByteArray(anvil.call("eth_getRawTransactionByHash", hash).asString()).length;
    }

    private static long gasUsed(String hash) {
        return quantity(anvil.call("eth_getTransactionReceipt", hash).get("gasUsed")).longValueExact();
    }

    private static BigInteger quantity(JsonNode hex) {
        return Numeric.decodeQuantity(hex.asString());
    }

    private static String hex(long value) {
        return hex(BigInteger.valueOf(value));
    }

    private static String hex(BigInteger value) {
        return Numeric.encodeQuantity(value);
    }
}
