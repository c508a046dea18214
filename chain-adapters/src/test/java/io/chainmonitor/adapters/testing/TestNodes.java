package io.chainmonitor.adapters.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.chainmonitor.adapters.NodeEndpoint.Credentials;

/** The real nodes of the ITs: anvil and litecoind in regtest, each on its own free loopback ports. */
public final class TestNodes {

    private TestNodes() {
    }

    /** anvil on {@code port}, mining only on {@code evm_mine}; WebSocket on the same port. */
    public static NodeProcess anvil(int port, Path workDir) {
        List<String> command = List.of(NodeProcess.binary("chain-monitor.test.anvil"), "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--no-mining");
        return new NodeProcess(command, workDir.resolve("anvil-" + port + ".log"),
                URI.create("http://127.0.0.1:" + port + "/"), new Credentials.None(), "eth_chainId", "2.0");
    }

    /**
     * litecoind in regtest with its data in {@code dataDir}. {@code credentials} is a user and password, or a cookie
     * file (then the node writes {@code <dataDir>/regtest/.cookie}).
     */
    public static NodeProcess litecoind(Path dataDir, int rpcPort, int p2pPort, Credentials credentials,
            boolean transactionIndex, String... extra) {
        List<String> command = new ArrayList<>(List.of(NodeProcess.binary("chain-monitor.test.litecoind"),
                "-regtest", "-datadir=" + dataDir, "-server=1", "-listen=1", "-bind=127.0.0.1:" + p2pPort,
                "-bind=127.0.0.1:" + p2pPort + "=onion", "-port=" + p2pPort, "-rpcbind=127.0.0.1",
                "-rpcallowip=127.0.0.1", "-rpcport=" + rpcPort, "-dnsseed=0", "-listenonion=0", "-discover=0",
                "-upnp=0", "-fallbackfee=0.0001", "-printtoconsole", "-txindex=" + (transactionIndex ? 1 : 0)));
        if (credentials instanceof Credentials.UserPassword user) {
            command.add("-rpcuser=" + user.user());
            command.add("-rpcpassword=" + user.password());
        }
        command.addAll(List.of(extra));
        return new NodeProcess(command, dataDir.resolve("litecoind.log"),
                URI.create("http://127.0.0.1:" + rpcPort + "/"), credentials, "getblockchaininfo", "1.0");
    }

    /** Where a litecoind started with cookie credentials writes its cookie. */
    public static Path cookie(Path dataDir) {
        return dataDir.resolve("regtest").resolve(".cookie");
    }
}
