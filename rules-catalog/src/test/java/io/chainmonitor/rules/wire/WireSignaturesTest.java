package io.chainmonitor.rules.wire;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Severity;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.ChainType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireSignaturesTest {

    private final WireSignatures signatures = WireSignatures.builtIn();

    @Test
    void theBuiltInCatalogClassifiesEveryDetector() {
        for (Detector detector : Detector.values()) {
            assertThat(signatures.classify(detector, null, null)).as(detector.value()).isNotNull();
        }
    }

    @Test
    void methodsAreClassifiedByNameIgnoringCase() {
        WireSignature unlock = signatures.classify(Detector.CRITICAL_METHOD, "Personal_UnlockAccount", null);
        assertThat(unlock.id()).isEqualTo("credential-theft.unlock");
        assertThat(unlock.category()).isEqualTo(Category.CREDENTIAL_THEFT);
        assertThat(signatures.classify(Detector.CRITICAL_METHOD, "eth_sendTransaction", null).severity())
                .isEqualTo(Severity.EXTREME);
        assertThat(signatures.classify(Detector.CRITICAL_METHOD, "dumpprivkey", null).id())
                .isEqualTo("credential-theft.key-export");
        assertThat(signatures.classify(Detector.UNRECOGNIZED_METHOD, "admin_addPeer", null).id())
                .isEqualTo("node-takeover.peer-injection");
        assertThat(signatures.classify(Detector.UNRECOGNIZED_METHOD, "debug_traceTransaction", null).category())
                .isEqualTo(Category.RECONNAISSANCE);
    }

    @Test
    void aMethodNoSignatureNamesFallsBackToItsDetector() {
        assertThat(signatures.classify(Detector.UNRECOGNIZED_METHOD, "eth_doesNotExist", null).id())
                .isEqualTo("reconnaissance.method-enumeration");
        assertThat(signatures.classify(Detector.CRITICAL_METHOD, "somethingcritical", null).id())
                .isEqualTo("critical.other");
    }

    @Test
    void pathScansForSecretsAreToldApartFromOtherPaths() {
        assertThat(signatures.classify(Detector.PATH_SCAN, null, "/.env").id())
                .isEqualTo("reconnaissance.secret-files");
        assertThat(signatures.classify(Detector.PATH_SCAN, null, "/.git/config").id())
                .isEqualTo("reconnaissance.secret-files");
        assertThat(signatures.classify(Detector.PATH_SCAN, null, "/index.php").id())
                .isEqualTo("reconnaissance.path-scan");
    }

    @Test
    void everyCriticalMethodOfEveryChainTypeGetsASignature() {
        for (ChainType type : ChainCatalog.builtIn().all()) {
            for (String method : type.rpc().criticalMethods()) {
                assertThat(signatures.classify(Detector.CRITICAL_METHOD, method, null).category())
                        .as(type.id() + " " + method)
                        .isIn(Category.CREDENTIAL_THEFT, Category.FUND_THEFT, Category.NODE_TAKEOVER,
                                Category.RECONNAISSANCE);
            }
        }
    }

    @Test
    void theDocumentationHasOneRowPerSignatureWithItsCategoryAndSeverity() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "wire-signatures.md"));
        for (WireSignature signature : signatures.all()) {
            assertThat(doc).as(signature.id()).contains("| `" + signature.id() + "` | "
                    + signature.category().value() + " | " + signature.severity().wireName() + " |");
        }
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLine() {
        String yaml = """
                signatures:
                  - id: a
                    category: fund-theft
                    severity: high
                    title: t
                    description: d
                    mitigation: m
                    detectors: [critical-method]
                    colour: red
                """;
        assertThatThrownBy(() -> WireSignatures.read("bad.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireSignatureException.class)
                .hasMessageContaining("bad.yaml:")
                .hasMessageContaining("colour")
                .extracting(e -> ((WireSignatureException) e).reason())
                .isEqualTo(WireSignatureException.Reason.UNKNOWN_KEY);
    }

    @Test
    void aCatalogThatLeavesADetectorUnclassifiedIsRefused() {
        String yaml = """
                signatures:
                  - id: a
                    category: fund-theft
                    severity: high
                    title: t
                    description: d
                    mitigation: m
                    detectors: [critical-method]
                """;
        assertThatThrownBy(() -> WireSignatures.read("short.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireSignatureException.class)
                .hasMessageContaining("deep-json");
    }

    @Test
    void aBadSeverityOrDuplicateIdIsRefused() {
        String bad = """
                signatures:
                  - id: a
                    category: fund-theft
                    severity: apocalyptic
                    title: t
                    description: d
                    mitigation: m
                    detectors: [critical-method]
                """;
        assertThatThrownBy(() -> WireSignatures.read("s.yaml", bad.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("apocalyptic");
    }
}
