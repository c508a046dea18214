package io.chainmonitor.rules.yaml;

import java.util.List;

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

import io.chainmonitor.events.EventType;
import io.chainmonitor.events.fixtures.Fixtures;
import io.chainmonitor.events.rules.RuleSet;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.RuleSetException;
import io.chainmonitor.rules.pack.DefaultPacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule set documents read, write and read back to equal definitions, in YAML and JSON, and match their schema. */
class RuleSetRoundTripTest {

    static final List<String> PACKS = DefaultPacks.NAMES;

    private static final SchemaRegistry REGISTRY = SchemaRegistry
            .withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema SCHEMA = REGISTRY.getSchema(SchemaLocation.of(
            "classpath:schemas/rule-set.schema.json"));
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @ParameterizedTest
    @FieldSource("PACKS")
    void aPackWrittenAsYamlReadsBackEqual(String pack) {
        RuleSetDefinition parsed = RuleSetReader.read(pack + ".yaml", DefaultPacks.yaml(pack));

        String written = RuleSetWriter.toYaml(parsed);
        RuleSetDefinition again = RuleSetReader.read("written.yaml", written);

        assertThat(again).isEqualTo(parsed);
        assertThat(RuleSetWriter.toYaml(again)).isEqualTo(written);
    }

    @ParameterizedTest
    @FieldSource("PACKS")
    void aPackTravelsAsJsonInTheRuleSetEvent(String pack) {
        RuleSetDefinition parsed = DefaultPacks.named(pack);
        ObjectNode json = RuleSetWriter.toTree(parsed);

        assertThat(RuleSetReader.read("cm.rules.v1", json)).isEqualTo(parsed);
    }

    @ParameterizedTest
    @FieldSource("PACKS")
    void theShippedAndTheWrittenPackValidateAgainstTheSchema(String pack) {
        JsonNode shipped = YAML.readTree(DefaultPacks.yaml(pack));
        JsonNode written = YAML.readTree(RuleSetWriter.toYaml(DefaultPacks.named(pack)));

        assertThat(SCHEMA.validate(shipped)).extracting(Error::toString).isEmpty();
        assertThat(SCHEMA.validate(written)).extracting(Error::toString).isEmpty();
    }

    @Test
    void theSchemaIsAValidDraft202012SchemaAndRefusesWhatTheReaderRefuses() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        JsonNode schema = YAML.readTree(getClass().getClassLoader().getResourceAsStream(
                "schemas/rule-set.schema.json"));
        assertThat(meta.validate(schema)).isEmpty();

        ObjectNode unknownKey = RuleSetWriter.toTree(DefaultPacks.named("pow"));
        ((ObjectNode) unknownKey.get("rules").get(0)).put("colour", "red");
        assertThat(SCHEMA.validate(unknownKey)).isNotEmpty();
        assertThatThrownBy(() -> RuleSetReader.read("edited", unknownKey)).isInstanceOf(RuleSetException.class);

        ObjectNode negativeWindow = RuleSetWriter.toTree(DefaultPacks.named("pow"));
        ((ObjectNode) negativeWindow.get("rules").get(0)).put("over", "-10 blocks");
        assertThat(SCHEMA.validate(negativeWindow)).isNotEmpty();
        assertThatThrownBy(() -> RuleSetReader.read("edited", negativeWindow)).isInstanceOf(RuleSetException.class);
    }

    @Test
    void theRuleSetFixtureOfTheEventsModuleCarriesAValidRuleSet() {
        RuleSet event = Fixtures.payload(EventType.RULE_SET, RuleSet.class);

        RuleSetDefinition rules = RuleSetReader.read("fixture", event.rules());

        assertThat(rules.pack()).isEqualTo(event.basePack());
        assertThat(rules.rule("pow.attack.51-percent")).isPresent();
        assertThat(SCHEMA.validate(event.rules())).extracting(Error::toString).isEmpty();
    }

    @Test
    void removingARuleRetiresItsIdSoItCannotComeBack() {
        RuleSetDefinition pow = DefaultPacks.named("pow");
        RuleSetDefinition without = pow.without("pow.peer-ping-high");

        assertThat(without.retired()).contains("pow.peer-ping-high");
        assertThatThrownBy(() -> without.with(pow.rule("pow.peer-ping-high").orElseThrow()))
                .isInstanceOfSatisfying(RuleSetException.class,
                        e -> assertThat(e.reason()).isEqualTo(RuleSetException.Reason.RETIRED_ID));
        RuleSetDefinition again = RuleSetReader.read("retired.yaml", RuleSetWriter.toYaml(without));
        assertThat(again.retired()).contains("pow.peer-ping-high");
    }
}
