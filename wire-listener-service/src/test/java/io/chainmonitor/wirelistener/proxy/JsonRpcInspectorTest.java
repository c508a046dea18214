package io.chainmonitor.wirelistener.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.MethodClass;
import io.chainmonitor.rules.chain.RpcCatalog;
import io.chainmonitor.rules.wire.Detector;
import io.chainmonitor.rules.wire.WireSignatures;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRpcInspectorTest {

    private final JsonRpcInspector inspector = new JsonRpcInspector(8, 3);

    private JsonRpcInspector.Inspection inspect(String body) {
        return inspector.inspect(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSingleRequestGivesItsMethodAndId() {
        var inspection = inspect("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_blockNumber\",\"params\":[]}");
        assertThat(inspection.problem()).isNull();
        assertThat(inspection.batch()).isFalse();
        assertThat(inspection.calls()).containsExactly(new JsonRpcInspector.Call("eth_blockNumber", "7"));
    }

    @Test
    void aBatchGivesEveryCallInOrderWithStringIdsQuoted() {
        var inspection = inspect("""
                [{"id":"a\\"b","method":"eth_chainId","params":[{"x":[1,2,{"y":null}]}]},
                 {"method":"personal_unlockAccount","id":null,"params":["0x1","pw",0]}]""");
        assertThat(inspection.problem()).isNull();
        assertThat(inspection.batch()).isTrue();
        assertThat(inspection.calls()).containsExactly(new JsonRpcInspector.Call("eth_chainId", "\"a\\\"b\""),
                new JsonRpcInspector.Call("personal_unlockAccount", "null"));
    }

    @Test
    void nestingDeeperThanTheLimitIsDeepJson() {
        assertThat(inspect("{\"method\":\"eth_call\",\"params\":[[[[[[[[[1]]]]]]]]]}").problem())
                .isEqualTo(Detector.DEEP_JSON);
        assertThat(inspect("[".repeat(100_000)).problem()).isEqualTo(Detector.DEEP_JSON);
    }

    @Test
    void aBatchLongerThanTheLimitIsOversized() {
        assertThat(inspect("[{\"method\":\"a\"},{\"method\":\"b\"},{\"method\":\"c\"},{\"method\":\"d\"}]").problem())
                .isEqualTo(Detector.OVERSIZED_BATCH);
    }

    @Test
    void whatIsNotJsonRpcIsToldApartFromWhatIsNotJson() {
        assertThat(inspect("not json").problem()).isEqualTo(Detector.MALFORMED_JSON);
        assertThat(inspect("{\"method\":\"eth_chainId\"").problem()).isEqualTo(Detector.MALFORMED_JSON);
        assertThat(inspect("{\"method\":\"eth_chainId\"} {}").problem()).isEqualTo(Detector.MALFORMED_JSON);
        assertThat(inspect("").problem()).isEqualTo(Detector.MALFORMED_JSON);
        assertThat(inspect("{\"id\":1}").problem()).isEqualTo(Detector.MALFORMED_JSON_RPC);
        assertThat(inspect("{\"method\":42}").problem()).isEqualTo(Detector.MALFORMED_JSON_RPC);
        assertThat(inspect("{\"method\":{\"a\":1}}").problem()).isEqualTo(Detector.MALFORMED_JSON_RPC);
        assertThat(inspect("[]").problem()).isEqualTo(Detector.MALFORMED_JSON_RPC);
        assertThat(inspect("[1,2]").problem()).isEqualTo(Detector.MALFORMED_JSON_RPC);
        assertThat(inspect("\"eth_chainId\"").problem()).isEqualTo(Detector.MALFORMED_JSON_RPC);
    }

    /**
     * 100,000 random and mutated bodies: the inspector never throws, and every body is either a list of calls or a
     * named problem, so every request is either forwarded (all methods recognized) or recorded with a signature.
     */
    @Test
    void randomAndMutatedBodiesAreAlwaysEitherCallsOrAClassifiedProblem() {
        JsonRpcInspector real = new JsonRpcInspector(64, 100);
        RpcCatalog catalog = ChainCatalog.builtIn().require("anvil").rpc();
        WireSignatures signatures = WireSignatures.builtIn();
        String[] seeds = {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}",
                "[{\"id\":1,\"method\":\"eth_chainId\"},{\"id\":2,\"method\":\"personal_unlockAccount\",\"params\":[\"0x0\",\"x\",9]}]",
                "{\"method\":\"eth_call\",\"params\":[{\"to\":\"0x00\",\"data\":\"0x\"},\"latest\"],\"id\":\"z\"}"};
        Random random = new Random(20261122L);
        int forwarded = 0;
        int recorded = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] body = i % 4 == 0 ? randomBytes(random) : mutate(seeds[random.nextInt(seeds.length)], random);
            var inspection = real.inspect(body);
            if (inspection.problem() != null) {
                assertThat(signatures.classify(inspection.problem(), null, null)).isNotNull();
                recorded++;
                continue;
            }
            assertThat(inspection.calls()).isNotEmpty();
            boolean allRecognized = true;
            for (var call : inspection.calls()) {
                MethodClass kind = catalog.classify(call.method());
                if (kind != MethodClass.RECOGNIZED) {
                    allRecognized = false;
                    Detector detector = kind == MethodClass.CRITICAL
                            ? Detector.CRITICAL_METHOD
                            : Detector.UNRECOGNIZED_METHOD;
                    assertThat(signatures.classify(detector, call.method(), null)).isNotNull();
                }
            }
            if (allRecognized) {
                forwarded++;
            } else {
                recorded++;
            }
        }
        assertThat(forwarded + recorded).isEqualTo(100_000);
        assertThat(forwarded).isPositive();
        assertThat(recorded).isPositive();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int edits = random.nextInt(4);
        String alphabet = "{}[]\":,0123456789abcdefxyz_ \\";
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
