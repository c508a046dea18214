package io.chainmonitor.action.onchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import io.chainmonitor.support.embedded.test.TestBinaries;

import static org.awaitility.Awaitility.await;

/** A real anvil on a loopback port, with the test's Pausable contract deployed from its well-known first account. */
final class AnvilChain implements AutoCloseable {

    /** Anvil's first and second default accounts (public test keys of every anvil). */
    static final Credentials OWNER = Credentials
            .create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    static final Credentials INTRUDER = Credentials
            .create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    private final Process process;
    private final Web3j web3j;
    final String url;

    AnvilChain() {
        int port = freePort();
        url = "http://127.0.0.1:" + port;
        try {
            process = new ProcessBuilder(TestBinaries.required("chain-monitor.test.anvil").toString(), "--host",
                    "127.0.0.1", "--port", Integer.toString(port), "--silent").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        web3j = Web3j.build(new HttpService(url));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> web3j.ethChainId().send().getChainId() != null);
    }

    /** Deploys a fresh Pausable owned by {@link #OWNER}; its address. */
    String deployPausable() throws IOException {
        String bytecode = Files.readString(Path.of("src/test/resources/onchain/Pausable.bin"), StandardCharsets.UTF_8)
                .strip();
        RawTransaction deploy = RawTransaction.createContractTransaction(nonce(OWNER.getAddress()),
                web3j.ethGasPrice().send().getGasPrice(), BigInteger.valueOf(1_000_000), BigInteger.ZERO,
                "0x" + bytecode);
        String hash = web3j.ethSendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(deploy,
                web3j.ethChainId().send().getChainId().longValueExact(), OWNER))).send().getTransactionHash();
        return receipt(hash).getContractAddress();
    }

    TransactionReceipt receipt(String hash) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    BigInteger nonce(String address) throws IOException {
        return web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING).send().getTransactionCount();
    }

    boolean paused(String contract) throws IOException {
        return (Boolean) view(contract, "paused", new TypeReference<Bool>() {
        }).getValue();
    }

    String guardian(String contract) throws IOException {
        return (String) view(contract, "guardian", new TypeReference<Address>() {
        }).getValue();
    }

    private Type<?> view(String contract, String name, TypeReference<?> output) throws IOException {
        Function function = new Function(name, List.of(), List.of(output));
        String answer = web3j.ethCall(Transaction.createEthCallTransaction(OWNER.getAddress(), contract,
                FunctionEncoder.encode(function)), DefaultBlockParameterName.LATEST).send().getValue();
        return FunctionReturnDecoder.decode(answer, function.getOutputParameters()).getFirst();
    }

    @Override
    public void close() throws InterruptedException {
        web3j.shutdown();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
