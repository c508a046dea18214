package io.chainmonitor.rules.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema of chain type files and the loader say the same thing about what a valid file is. */
class ChainSchemaTest {

    static final List<String> BUNDLED = ChainFiles.BUNDLED;

    private static final SchemaRegistry REGISTRY = SchemaRegistry
            .withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema SCHEMA = REGISTRY
            .getSchema(SchemaLocation.of("classpath:schemas/chain-type.schema.json"));
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        JsonNode schema = YAML.readTree(getClass().getClassLoader()
                .getResourceAsStream("schemas/chain-type.schema.json"));

        assertThat(meta.validate(schema)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("BUNDLED")
    void everyBundledFileValidatesAgainstTheSchema(String id) {
        assertThat(SCHEMA.validate(tree(id))).extracting(Error::toString).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("BUNDLED")
    void schemaAndLoaderAgreeOnWhichKeysAreRequired(String id) {
        ObjectNode file = tree(id);
        List<String> required = new ArrayList<>();

        for (String pointer : memberPointers(file, "")) {
            ObjectNode without = file.deepCopy();
            remove(without, pointer);
            boolean schemaAccepts = SCHEMA.validate(without).isEmpty();
            Optional<ChainCatalogException> refusal = loaderRefusal(without);

            if (schemaAccepts) {
                // What the schema cannot say (placeholders against ports, magic against networks) is INCONSISTENT.
                assertThat(refusal.map(ChainCatalogException::reason).orElse(Reason.INCONSISTENT))
                        .as("loader without %s", pointer).isEqualTo(Reason.INCONSISTENT);
            } else {
                required.add(pointer);
                String key = pointer.substring(1).replace('/', '.');
                assertThat(refusal).as("loader without %s", pointer).hasValueSatisfying(e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISSING_FIELD);
                    assertThat(e.getMessage()).contains(": " + key + ": ");
                });
            }
        }
        assertThat(required).contains("/id", "/node/executable", "/node/readiness/method", "/rpc/methods",
                "/metrics");
    }

    @Test
    void theSchemaRefusesAnUnknownKeyAsTheLoaderDoes() {
        ObjectNode file = tree("litecoin");
        ((ObjectNode) file.get("node")).put("executible", "litecoind");

        assertThat(SCHEMA.validate(file)).isNotEmpty();
        assertThat(loaderRefusal(file)).map(ChainCatalogException::reason).hasValue(Reason.UNKNOWN_KEY);
    }

    private static ObjectNode tree(String id) {
        return (ObjectNode) YAML.readTree(ChainFiles.text(id));
    }

    private static Optional<ChainCatalogException> loaderRefusal(JsonNode file) {
        try {
            ChainFiles.load("edited.yaml", YAML.writeValueAsString(file));
            return Optional.empty();
        } catch (ChainCatalogException e) {
            return Optional.of(e);
        }
    }

    /** JSON pointers of every member of every mapping (list items are left alone). */
    private static List<String> memberPointers(JsonNode node, String prefix) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                pointers.add(prefix + "/" + name);
                pointers.addAll(memberPointers(node.get(name), prefix + "/" + name));
            }
        }
        return pointers;
    }

    private static void remove(ObjectNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        ((ObjectNode) parent).remove(pointer.substring(slash + 1));
    }
}
