package io.chainmonitor.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.fixtures.EventSchemas;
import io.chainmonitor.events.fixtures.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type has a schema and a fixture, and each schema describes its payload record field for field. */
class SchemaCatalogTest {

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaResourceNamedAfterItsType(EventType type) {
        assertThat(type.schemaResource()).isEqualTo("schemas/" + type.type() + ".schema.json");
        assertThat(EventType.class.getClassLoader().getResource(type.schemaResource())).isNotNull();
    }

    @Test
    void everySchemaAndFixtureFileBelongsToAnEventType() {
        List<String> schemaResources = new ArrayList<>(
                Arrays.stream(EventType.values()).map(EventType::schemaResource).toList());
        schemaResources.add(EventSchemas.ENVELOPE);
        List<String> fixtureResources = Arrays.stream(EventType.values()).map(Fixtures::resource).toList();

        assertThat(filesIn("schemas")).containsExactlyInAnyOrderElementsOf(schemaResources);
        assertThat(filesIn("fixtures")).containsExactlyInAnyOrderElementsOf(fixtureResources);
    }

    @ParameterizedTest
    @MethodSource("schemaResources")
    void everySchemaIsAValidDraft202012Schema(String resource) {
        JsonNode schema = read(resource);

        assertThat(schema.path("$schema").stringValue(null)).isEqualTo(DRAFT_2020_12);
        assertThat(EventSchemas.metaSchema().validate(schema)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("schemaResources")
    void everyObjectInEverySchemaAdmitsUnknownMembers(String resource) {
        List<JsonNode> objectsWithProperties = new ArrayList<>();
        collectObjectSchemas(read(resource), objectsWithProperties);

        assertThat(objectsWithProperties).isNotEmpty()
                .allSatisfy(schema -> assertThat(schema.path("additionalProperties").isBoolean()
                        && schema.path("additionalProperties").asBoolean()).as("additionalProperties: true in %s",
                                schema.path("description").stringValue(null))
                        .isTrue());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySchemaDescribesItsPayloadRecordFieldForField(EventType type) {
        SoftAssertions softly = new SoftAssertions();

        assertMirrors(type.payloadType(), read(type.schemaResource()), type.type(), softly);

        softly.assertAll();
    }

    static Stream<String> schemaResources() {
        return Stream.concat(Stream.of(EventSchemas.ENVELOPE),
                Arrays.stream(EventType.values()).map(EventType::schemaResource));
    }

    private static void assertMirrors(Class<?> record, JsonNode schema, String path, SoftAssertions softly) {
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        JsonNode properties = schema.path("properties");
        softly.assertThat(schema.path("type").stringValue(null)).as(path + " type").isEqualTo("object");
        softly.assertThat(properties.propertyNames()).as(path + " properties, in the record's order")
                .containsExactlyElementsOf(components);
        for (JsonNode required : schema.path("required")) {
            softly.assertThat(components).as(path + " required").contains(required.asString());
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = properties.path(component.getName());
            assertMirrors(component.getType(), component.getGenericType(), property,
                    path + "." + component.getName(), softly);
        }
    }

    private static void assertMirrors(Class<?> type, Type genericType, JsonNode property, String path,
            SoftAssertions softly) {
        softly.assertThat(property.path("type").stringValue(null)).as(path + " type").isEqualTo(jsonType(type));
        if (type.isEnum()) {
            List<String> wireNames = Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .toList();
            softly.assertThat(property.path("enum").values().stream().map(JsonNode::asString).toList())
                    .as(path + " enum").isEqualTo(wireNames);
        } else if (type == Instant.class) {
            softly.assertThat(property.path("format").stringValue(null)).as(path + " format").isEqualTo("date-time");
        } else if (type.isRecord()) {
            assertMirrors(type, property, path, softly);
        } else if (type == List.class) {
            Class<?> element = (Class<?>) typeArgument(genericType, 0);
            assertMirrors(element, element, property.path("items"), path + "[]", softly);
        } else if (type == Map.class) {
            softly.assertThat(property.path("additionalProperties").path("type").stringValue(null))
                    .as(path + " values").isEqualTo(jsonType((Class<?>) typeArgument(genericType, 1)));
        }
    }

    private static String jsonType(Class<?> type) {
        if (type == String.class || type.isEnum() || type == Instant.class) {
            return "string";
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        } else if (type == double.class || type == Double.class) {
            return "number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        } else if (type == List.class) {
            return "array";
        }
        return "object";
    }

    private static Type typeArgument(Type genericType, int index) {
        return ((ParameterizedType) genericType).getActualTypeArguments()[index];
    }

    private static void collectObjectSchemas(JsonNode node, List<JsonNode> found) {
        if ("object".equals(node.path("type").stringValue(null)) && node.has("properties")) {
            found.add(node);
        }
        for (JsonNode child : node.values()) {
            collectObjectSchemas(child, found);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SchemaCatalogTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JsonEdits.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> filesIn(String directory) {
        try (Stream<Path> files = Files.list(
                Path.of(SchemaCatalogTest.class.getClassLoader().getResource(directory).toURI()))) {
            return files.map(file -> directory + "/" + file.getFileName()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
