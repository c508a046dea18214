package io.chainmonitor.standalone.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.standalone.StandaloneProperties;

/**
 * The demo the README's first command runs once the platform is healthy: through the public REST API, as a user
 * would, it creates an anvil project, uploads the anvil binary with its SHA-256, deploys two replicas and then
 * drives them — a block with a transfer every few seconds, mined alike on both replicas, calls through the wire
 * listener's public port, and in every scenario cycle a staged fork on one replica (a reorg, and replicas that
 * disagree, until it heals) and a credential-theft probe ({@code personal_unlockAccount}, then
 * {@code eth_sendTransaction} from the node's account) on the public port. A step that fails stops the
 * demo with a message; the platform keeps running.
 */
public final class DemoDriver implements SmartLifecycle {

    /** Where the platform's services are and how to authenticate to them, known once the platform runs. */
    public record Platform(String spawnerUrl, String wireListenerUrl, String reporterUrl,
            Supplier<String> authorization) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoDriver.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHAIN_TYPE = "anvil";
    private static final Duration REPLICAS_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final StandaloneProperties.Demo settings;
    private final Supplier<Platform> platform;
    private final Clock clock;
    private final int phase;
    private volatile Thread worker;
    private volatile String status = "not started";

    /** {@code phase}: after the platform's, so that the demo starts once every service is healthy and stops first. */
    public DemoDriver(StandaloneProperties.Demo settings, Supplier<Platform> platform, Clock clock, int phase) {
        this.settings = settings;
        this.platform = platform;
        this.clock = clock;
        this.phase = phase;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        worker = Thread.ofPlatform().name("demo").daemon().start(this::run);
    }

    @Override
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        return phase;
    }

    /** What the demo is doing, or why it stopped. */
    public String status() {
        return status;
    }

    private void run() {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            Platform services = platform.get();
            PlatformApi api = new PlatformApi(http, services.spawnerUrl(), services.wireListenerUrl(),
                    services.authorization());
            Project project = prepare(api, services.reporterUrl());
            drive(http, project);
        } catch (InterruptedException e) {
            status = "stopped";
        } catch (RuntimeException e) {
            status = "failed: " + e.getMessage();
            log.error("The demo stopped: {} (the platform keeps running)", e.getMessage());
        }
    }

    private Project prepare(PlatformApi api, String reporterUrl) throws InterruptedException {
        status = "preparing";
        Path anvil = settings.anvilBinary().orElseThrow(() -> new DemoException(
                "no anvil binary: run scripts/install-test-nodes.sh, or set chain-monitor.standalone.demo.anvil"));
        String sha256 = sha256(anvil);
        JsonNode project = api.project(settings.projectName()).orElse(null);
        if (project == null) {
            project = api.createProject(projectBody());
            log.info("Demo: created project '{}' ({})", settings.projectName(), project.path("id").asString());
        }
        String projectId = project.path("id").asString();
        Optional<JsonNode> binary = api.binary(projectId);
        if (binary.isEmpty() || !sha256.equals(binary.get().path("sha256").asString())) {
            api.uploadBinary(projectId, anvil, sha256);
            log.info("Demo: uploaded {} (SHA-256 {}, checked by the spawner)", anvil.getFileName(), sha256);
        }
        if (api.deployment(projectId).isEmpty()) {
            api.deploy(projectId);
            log.info("Demo: deploying {} anvil replicas", settings.replicas());
        }
        List<Replica> replicas = awaitReplicas(api, projectId);
        log.info("Demo: project '{}' ({}) runs {}; a block every {} s; the staged fork and the wire probe come "
                + "every {} blocks. See the incidents: curl -H \"Authorization: Bearer $(scripts/dev-token.sh {})\" "
                + "{}/api/v1/incidents", settings.projectName(), projectId, replicas,
                settings.blockInterval().toSeconds(), settings.scenarioEvery(), settings.owner(), reporterUrl);
        return new Project(projectId, replicas);
    }

    private String projectBody() {
        // A fixed genesis timestamp makes every replica start from the same genesis block; --no-mining leaves the
        // blocks to the demo, which makes them alike on every replica.
        Map<String, Object> replicas = Map.of("total", settings.replicas(), "locations",
                List.of(Map.of("name", settings.location(), "count", settings.replicas())), "extraArgs",
                List.of("--no-mining", "--timestamp", Long.toString(clock.instant().getEpochSecond())));
        return JSON.writeValueAsString(Map.of("name", settings.projectName(), "chainType", CHAIN_TYPE, "replicas",
                replicas));
    }

    private List<Replica> awaitReplicas(PlatformApi api, String projectId) throws InterruptedException {
        Instant deadline = clock.instant().plus(REPLICAS_TIMEOUT);
        String seen = "no deployment";
        while (clock.instant().isBefore(deadline)) {
            Optional<JsonNode> deployment = api.deployment(projectId);
            if (deployment.isPresent()) {
                List<Replica> running = running(deployment.get(), api.listeners(projectId));
                if (running.size() == settings.replicas()) {
                    return running;
                }
                seen = deployment.get().path("replicas").toString();
            }
            Thread.sleep(POLL);
        }
        throw new DemoException("the replicas did not all run with public endpoints within " + REPLICAS_TIMEOUT
                + "; last seen: " + seen);
    }

    private static List<Replica> running(JsonNode deployment, JsonNode listeners) {
        List<Replica> replicas = new ArrayList<>();
        for (JsonNode replica : deployment.path("replicas")) {
            String id = replica.path("id").asString();
            if (!"RUNNING".equals(replica.path("state").asString())) {
                continue;
            }
            for (JsonNode listener : listeners) {
                String publicRpc = listener.path("publicRpcUrl").asString();
                if (id.equals(listener.path("replicaId").asString()) && !publicRpc.isEmpty()) {
                    replicas.add(new Replica(id, replica.path("rpcUrl").asString(), publicRpc));
                }
            }
        }
        replicas.sort(Comparator.comparing(Replica::id));
        return replicas;
    }

    private void drive(HttpClient http, Project project) throws InterruptedException {
        List<JsonRpc> nodes = project.replicas().stream().map(replica -> new JsonRpc(http, replica.rpcUrl())).toList();
        JsonRpc publicPort = new JsonRpc(http, project.replicas().getFirst().publicRpcUrl());
        LockstepChain chain = new LockstepChain(nodes, clock);
        long aligned = chain.align();
        log.info("Demo: the replicas agree up to block {}; mining in lockstep", aligned);
        Scenario scenario = new Scenario(settings);
        long forkBase = -1;
        for (long block = 1; !Thread.currentThread().isInterrupted(); block++) {
            Thread.sleep(settings.blockInterval());
            long height = chain.mineBlock();
            status = "running, block " + height;
            // Ordinary traffic through the public port: recognised calls pass through to the node.
            publicPort.call("eth_blockNumber");
            publicPort.call("eth_getBlockByNumber", "latest", false);
            switch (scenario.at(block)) {
                case PROBE -> {
                    // What a credential thief tries on an open node: unlock its account, then spend from it.
                    JsonNode unlock = publicPort.send("personal_unlockAccount", chain.sender(), "hunter2", 600);
                    JsonNode spend = publicPort.send("eth_sendTransaction",
                            Map.of("from", chain.sender(), "to", "0x" + "00".repeat(19) + "01", "value", "0x1"));
                    log.info("Demo: sent personal_unlockAccount and eth_sendTransaction to {}'s public port; they "
                            + "answered {} and {}", project.replicas().getFirst().id(), unlock.path("error"),
                            spend.path("error"));
                }
                case FORK -> {
                    forkBase = height - settings.forkDepth();
                    chain.fork(0, settings.forkDepth());
                    log.info("Demo: staged a fork: {} replaced its last {} blocks (anvil_reorg), the others kept "
                            + "theirs", project.replicas().getFirst().id(), settings.forkDepth());
                }
                case HEAL -> {
                    chain.heal(forkBase);
                    log.info("Demo: the fork healed: every replica went back to block {} and mines alike again",
                            forkBase);
                }
                case NONE -> {
                }
            }
        }
        status = "stopped";
    }

    static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new DemoException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A running replica: its internal RPC URL (the demo mines through it) and its public one at the wire listener. */
    record Replica(String id, String rpcUrl, String publicRpcUrl) {

        @Override
        public String toString() {
            return id + " (public RPC " + publicRpcUrl + ")";
        }
    }

    private record Project(String id, List<Replica> replicas) {
    }
}
