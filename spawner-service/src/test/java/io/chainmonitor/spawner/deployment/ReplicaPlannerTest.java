package io.chainmonitor.spawner.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.spawner.project.ReplicaSettings;
import io.chainmonitor.spawner.project.ReplicaSettings.LocationCount;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProbe;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.support.security.NodeRpcCredentials;
import io.chainmonitor.support.security.NodeRpcCredentials.Credentials;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaPlannerTest {

    private static final ChainCatalog CATALOG = ChainCatalog.builtIn();
    private static final Path LITECOIND = Path.of("store", "sha256", "abc");
    private static final NodeRpcCredentials CREDENTIALS = new NodeRpcCredentials("0123456789abcdef0123456789abcdef");

    private final List<String> reservedIn = new ArrayList<>();
    private int nextPort = 20000;

    private final ReplicaPlanner.PortSource ports = (replicaId, location, roles) -> {
        reservedIn.add(location);
        Map<PortRole, Integer> reserved = new EnumMap<>(PortRole.class);
        for (PortRole role : PortRole.values()) {
            if (roles.contains(role)) {
                reserved.put(role, nextPort++);
            }
        }
        return reserved;
    };

    @Test
    void replicasAreNumberedAcrossLocationsInTheOrderOfTheSettings() {
        List<ReplicaSpec> specs = planLitecoin(List.of());

        assertThat(specs).extracting(spec -> spec.key().replicaId()).containsExactly("r-1", "r-2", "r-3");
        assertThat(specs).extracting(ReplicaSpec::location).containsExactly("local-a", "local-a", "local-b");
        assertThat(reservedIn).containsExactly("local-a", "local-a", "local-b");
        assertThat(specs).allSatisfy(spec -> {
            assertThat(spec.key().projectId()).isEqualTo("p-1");
            assertThat(spec.chainType()).isEqualTo("litecoin");
            assertThat(spec.executable()).isEqualTo(LITECOIND);
            assertThat(spec.portRoles()).containsExactlyInAnyOrder(PortRole.RPC, PortRole.P2P);
        });
    }

    @Test
    void eachReplicaGetsItsOwnReservedPortsInItsRenderedArguments() {
        ReplicaSpec second = planLitecoin(List.of()).get(1);

        int rpc = second.ports().get(PortRole.RPC);
        int p2p = second.ports().get(PortRole.P2P);
        // Addresses are the runtime's to fill in: the plan keeps their placeholders.
        assertThat(second.arguments()).contains("-rpcport=" + rpc, "-port=" + p2p, "-bind={bindHost}:" + p2p,
                "-rpcallowip={rpcAllowFrom}", "-chain=regtest", "-datadir={dataDir}");
        assertThat(String.join(" ", second.arguments())).doesNotContain("{rpcPort}", "{p2pPort}", "{network}");
    }

    @Test
    void everyReplicaIsPeeredWithTheP2pAddressesOfAllTheOthers() {
        List<ReplicaSpec> specs = planLitecoin(List.of());

        for (ReplicaSpec spec : specs) {
            List<String> expected = specs.stream().filter(other -> other != spec)
                    .map(other -> "-addnode={replicaHost:" + other.key().replicaId() + "}:"
                            + other.ports().get(PortRole.P2P))
                    .toList();
            assertThat(spec.arguments().stream().filter(argument -> argument.startsWith("-addnode=")))
                    .as("peers of %s", spec.key()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void derivedCredentialsGoIntoTheConfigurationFileAndTheReadinessProbeNeverIntoTheArguments() {
        ReplicaSpec first = planLitecoin(List.of()).getFirst();
        Credentials expected = CREDENTIALS.forReplica("p-1", "r-1");

        assertThat(first.files()).containsExactly(Map.entry("litecoin.conf",
                "rpcuser=" + expected.user() + "\nrpcpassword=" + expected.password() + "\n"));
        assertThat(first.arguments()).contains("-conf={dataDir}/litecoin.conf");
        assertThat(String.join(" ", first.arguments())).doesNotContain(expected.password(), "-rpcpassword");
        assertThat(first.readiness()).isEqualTo(new ReadinessProbe("getblockchaininfo", "[]", Duration.ofSeconds(60),
                new ReadinessProbe.BasicAuth(expected.user(), expected.password())));
        assertThat(first.toString()).doesNotContain(expected.password());
    }

    @Test
    void eachReplicaHasCredentialsOfItsOwn() {
        List<ReplicaSpec> specs = planLitecoin(List.of());

        assertThat(specs).extracting(spec -> spec.readiness().auth().password()).doesNotHaveDuplicates();
    }

    @Test
    void extraArgumentsComeLastAfterThePeers() {
        ReplicaSpec first = planLitecoin(List.of("-maxconnections=8", "-txindex=1")).getFirst();

        assertThat(first.arguments().subList(first.arguments().size() - 2, first.arguments().size()))
                .containsExactly("-maxconnections=8", "-txindex=1");
    }

    @Test
    void aChainWithoutPeeringNorAuthenticationGetsNeitherPeersNorCredentials() {
        ReplicaSettings settings = new ReplicaSettings(2, List.of(new LocationCount("local", 2)), List.of());

        List<ReplicaSpec> specs = ReplicaPlanner.plan("p-2", CATALOG.require("anvil"), settings, LITECOIND,
                CREDENTIALS, ports);

        assertThat(specs).allSatisfy(spec -> {
            assertThat(spec.arguments()).containsExactly("--host", "{bindHost}", "--port",
                    spec.ports().get(PortRole.RPC).toString(), "--state", "{dataDir}/state.json");
            assertThat(spec.readiness().auth()).isNull();
            assertThat(spec.files()).isEmpty();
            assertThat(spec.portRoles()).containsExactly(PortRole.RPC);
        });
    }

    @Test
    void theProjectsNetworkIsTheOneTheNodesJoinWithItsOwnArguments() {
        ReplicaSettings settings = new ReplicaSettings(1, List.of(new LocationCount("local-a", 1)), List.of(),
                "main");

        ReplicaSpec spec = ReplicaPlanner.plan("p-3", CATALOG.require("litecoin"), settings, LITECOIND, CREDENTIALS,
                ports).getFirst();

        assertThat(spec.arguments()).contains("-chain=main").doesNotContain("-chain=regtest",
                "-maxtipage=2000000000");
        assertThat(planLitecoin(List.of()).getFirst().arguments()).contains("-chain=regtest");
    }

    private List<ReplicaSpec> planLitecoin(List<String> extraArgs) {
        ReplicaSettings settings = new ReplicaSettings(3,
                List.of(new LocationCount("local-a", 2), new LocationCount("local-b", 1)), extraArgs);
        return ReplicaPlanner.plan("p-1", CATALOG.require("litecoin"), settings, LITECOIND, CREDENTIALS, ports);
    }
}
