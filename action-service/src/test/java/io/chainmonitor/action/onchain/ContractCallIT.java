package io.chainmonitor.action.onchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.action.ActionApplication;
import io.chainmonitor.action.execution.StepContext;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.HttpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The contract-call step against a real anvil with the Pausable test contract, signing from encrypted keystore files;
 * and its policy validation through the REST API.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = ActionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ActionApplication.NAME, "management.server.port=0",
        "chain-monitor.heartbeat.enabled=false", "chain-monitor.action.outbound.allow=127.0.0.1",
        "chain-monitor.action.onchain.receipt-poll-interval=PT0.05S",
        "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET})
class ContractCallIT {

    private static final JwtTestTokens TOKENS = JwtTestTokens.hmac();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path KEYSTORE = BuildDirectory.newTempDirectory("keystore-");
    private static AnvilChain anvil;

    @Autowired
    ContractCallRunner runner;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        EmbeddedInfrastructure.registerProperties(registry, "action");
        Files.writeString(KEYSTORE.resolve("password"), "correct horse battery staple\n");
        keystore("owner.json", AnvilChain.OWNER);
        keystore("intruder.json", AnvilChain.INTRUDER);
        registry.add("chain-monitor.action.onchain.keystore-dir", KEYSTORE::toString);
        registry.add("chain-monitor.action.onchain.keystore-password-file", () -> KEYSTORE.resolve("password"));
    }

    @BeforeAll
    static void startAnvil() {
        anvil = new AnvilChain();
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        anvil.close();
    }

    @Test
    void theOwnersKeyPausesTheContractAndTheResultHoldsTheTransaction() throws Exception {
        String contract = anvil.deployPausable();

        String result = run(parameters(contract, "pause()", "owner.json"), false);

        assertThat(anvil.paused(contract)).isTrue();
        String hash = result.replaceAll("^transaction (0x[0-9a-f]{64}) .*$", "$1");
        assertThat(anvil.receipt(hash).isStatusOK()).isTrue();
        assertThat(result).contains("status 0x1", "gas used " + anvil.receipt(hash).getGasUsed(),
                "pause() on " + Keys.toChecksumAddress(contract));
    }

    @Test
    void aCallWhoseSimulationRevertsSendsNothingAndSaysWhy() throws Exception {
        String contract = anvil.deployPausable();
        run(parameters(contract, "pause()", "owner.json"), false);
        BigInteger nonce = anvil.nonce(AnvilChain.OWNER.getAddress());

        assertThatThrownBy(() -> run(parameters(contract, "pause()", "owner.json"), false))
                .isInstanceOfSatisfying(ContractCallException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(ContractCallException.Reason.SIMULATION_REVERTED);
                    assertThat(refused.getMessage()).contains("already paused", "nothing was sent");
                });
        assertThat(anvil.nonce(AnvilChain.OWNER.getAddress())).isEqualTo(nonce);
    }

    @Test
    void aKeyThatIsNotTheOwnersIsRefusedBySimulationAndSendsNothing() throws Exception {
        String contract = anvil.deployPausable();
        BigInteger nonce = anvil.nonce(AnvilChain.INTRUDER.getAddress());

        assertThatThrownBy(() -> run(parameters(contract, "pause()", "intruder.json"), false))
                .isInstanceOf(ContractCallException.class).hasMessageContaining("not the owner");
        assertThat(anvil.nonce(AnvilChain.INTRUDER.getAddress())).isEqualTo(nonce);
        assertThat(anvil.paused(contract)).isFalse();
    }

    @Test
    void aCallThatWouldSpendMoreThanTheCapIsRefusedAndNothingIsSent() throws Exception {
        String contract = anvil.deployPausable();
        BigInteger nonce = anvil.nonce(AnvilChain.OWNER.getAddress());
        Map<String, String> capped = new HashMap<>(parameters(contract, "pause()", "owner.json"));
        capped.put("maxSpendWei", "1000");

        assertThatThrownBy(() -> run(capped, false)).isInstanceOfSatisfying(ContractCallException.class,
                refused -> assertThat(refused.reason()).isEqualTo(ContractCallException.Reason.SPEND_OVER_CAP));
        assertThat(anvil.nonce(AnvilChain.OWNER.getAddress())).isEqualTo(nonce);
        assertThat(anvil.paused(contract)).isFalse();
    }

    @Test
    void aGasEstimateAboveTheLimitIsRefusedAndNothingIsSent() throws Exception {
        String contract = anvil.deployPausable();
        BigInteger nonce = anvil.nonce(AnvilChain.OWNER.getAddress());
        Map<String, String> limited = new HashMap<>(parameters(contract, "pause()", "owner.json"));
        limited.put("gasLimit", "21000");

        assertThatThrownBy(() -> run(limited, false)).isInstanceOfSatisfying(ContractCallException.class,
                refused -> assertThat(refused.reason()).isEqualTo(ContractCallException.Reason.GAS_OVER_LIMIT));
        assertThat(anvil.nonce(AnvilChain.OWNER.getAddress())).isEqualTo(nonce);
    }

    @Test
    void aDryRunSimulatesAndSaysWhatItWouldSendWithoutSending() throws Exception {
        String contract = anvil.deployPausable();
        BigInteger nonce = anvil.nonce(AnvilChain.OWNER.getAddress());

        String result = run(parameters(contract, "pause()", "owner.json"), true);

        assertThat(result)
                .startsWith("dry run: simulation passed; would send pause() on " + Keys.toChecksumAddress(contract))
                .contains("from " + AnvilChain.OWNER.getAddress());
        assertThat(anvil.nonce(AnvilChain.OWNER.getAddress())).isEqualTo(nonce);
        assertThat(anvil.paused(contract)).isFalse();
    }

    @Test
    void twoCallsOfOneSignerAtOnceTakeDistinctNoncesAndBothLand() throws Exception {
        String contract = anvil.deployPausable();
        String first = "0x000000000000000000000000000000000000dEaD";
        String second = "0x00000000000000000000000000000000DeaDBeef";
        BigInteger nonce = anvil.nonce(AnvilChain.OWNER.getAddress());

        CompletableFuture<String> one = CompletableFuture.supplyAsync(() -> quietly(guardian(contract, first)));
        CompletableFuture<String> two = CompletableFuture.supplyAsync(() -> quietly(guardian(contract, second)));

        assertThat(List.of(one.join(), two.join())).allSatisfy(result -> assertThat(result).contains("status 0x1"));
        assertThat(anvil.nonce(AnvilChain.OWNER.getAddress())).isEqualTo(nonce.add(BigInteger.TWO));
        assertThat(anvil.guardian(contract)).isIn(first.toLowerCase(), second.toLowerCase());
    }

    @Test
    void aValidContractCallPolicyIsStored() throws IOException {
        String projectId = project();
        HttpResponse<String> created = post(projectId, Map.of("rpcUrl", anvil.url, "contract",
                "0x5FbDB2315678afecb367f032d93F642f64180aa3", "function", "setGuardian(address)", "arguments",
                "[\"0x000000000000000000000000000000000000dEaD\"]", "maxSpendWei", "1000000000000000", "signer",
                "owner.json"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("steps").get(0).get("type").asString())
                .isEqualTo("contract-call");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "missing cap | maxSpendWei | ",
            "cap above the ceiling | maxSpendWei | 1000000000000000001",
            "argument count | arguments | []",
            "argument type | arguments[0] | [\"not-an-address\"]",
            "bad checksum | contract | ",
            "unparsable signature | function | ",
            "unsupported type | function | "})
    void aBadContractCallPolicyIsRefusedWithTheParameterNamed(String problem, String field, String value)
            throws IOException {
        Map<String, String> parameters = new HashMap<>(Map.of("rpcUrl", anvil.url, "contract",
                "0x5FbDB2315678afecb367f032d93F642f64180aa3", "function", "setGuardian(address)", "arguments",
                "[\"0x000000000000000000000000000000000000dEaD\"]", "maxSpendWei", "1000", "signer", "owner.json"));
        switch (problem) {
            case "missing cap" -> parameters.remove("maxSpendWei");
            case "bad checksum" -> parameters.put("contract", "0x5FbDB2315678afecb367f032d93F642f64180aA3");
            case "unparsable signature" -> parameters.put("function", "setGuardian(address");
            case "unsupported type" -> parameters.put("function", "setGuardian(address[])");
            default -> parameters.put(field.replaceAll("\\[.*", ""), value);
        }
        String projectId = project();
        HttpResponse<String> refused = post(projectId, parameters);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("steps[0].parameters." + field);
        assertThat(jdbc.sql("select count(*) from action_policy where project_id = ?").param(projectId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anRpcUrlToAnInternalAddressThatIsNotAllowListedIsRefused() throws IOException {
        String projectId = project();
        HttpResponse<String> refused = post(projectId, Map.of("rpcUrl", "http://10.1.2.3:8545", "contract",
                "0x5FbDB2315678afecb367f032d93F642f64180aa3", "function", "pause()", "maxSpendWei", "1000", "signer",
                "owner.json"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("steps[0].parameters.rpcUrl");
    }

    private String run(Map<String, String> parameters, boolean dryRun) throws Exception {
        return runner.prepare(new StepContext(new StepContext.Target(UUID.randomUUID(), "r-1"), "execution-1", null,
                parameters, dryRun)).run();
    }

    private String quietly(Map<String, String> parameters) {
        try {
            return run(parameters, false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> guardian(String contract, String address) {
        Map<String, String> parameters = new HashMap<>(parameters(contract, "setGuardian(address)", "owner.json"));
        parameters.put("arguments", "[\"" + address + "\"]");
        return parameters;
    }

    private static Map<String, String> parameters(String contract, String function, String signer) {
        return Map.of("rpcUrl", anvil.url, "contract", contract, "function", function, "gasLimit", "100000",
                "maxSpendWei", "1000000000000000", "signer", signer);
    }

    private HttpResponse<String> post(String projectId, Map<String, String> parameters) {
        String body = JSON.writeValueAsString(Map.of("name", "pause on attack", "mode", "AUTOMATIC", "steps",
                List.of(Map.of("type", "contract-call", "parameters", parameters))));
        return new HttpTestClient(port).json("POST", "/api/v1/projects/" + projectId + "/action-policies",
                TOKENS.token(claims -> claims.subject("owner-1")), body);
    }

    private String project() {
        String id = UUID.randomUUID().toString();
        publisher.publish(Envelope.of("/spawner-service/projects", "projects/" + id, id, Severity.LOW,
                new ProjectLifecycle(id, ProjectLifecycle.Change.CREATED, "p", "anvil", "evm", "pos", null, 1,
                        List.of("local"), 1, "owner-1")))
                .join();
        await().until(() -> jdbc.sql("select count(*) from project where project_id = ? and owner = ?")
                .params(id, "owner-1").query(Long.class).single() == 1);
        return id;
    }

    private static void keystore(String name, Credentials credentials) {
        try {
            String file = WalletUtils.generateWalletFile("correct horse battery staple", credentials.getEcKeyPair(),
                    KEYSTORE.toFile(), false);
            Files.move(KEYSTORE.resolve(file), KEYSTORE.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CipherException e) {
            throw new IllegalStateException(e);
        }
    }
}
