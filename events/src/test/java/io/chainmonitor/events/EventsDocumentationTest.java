package io.chainmonitor.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/events.md stays true to the code: its topic table and its field tables are checked against both. */
class EventsDocumentationTest {

    /** Surefire runs in the module's directory; the docs sit beside the modules. */
    private static final Path DOC = Path.of("..", "docs", "events.md");
    private static final Pattern FIELD_ROW = Pattern.compile("^\\| `([^`]+)` \\| [^|]+(?:\\\\\\|[^|]+)* \\| (yes)? \\|",
            Pattern.MULTILINE);

    @ParameterizedTest
    @EnumSource(Topic.class)
    void theTopicTableHasEveryTopicAsTheCatalogDefinesIt(Topic topic) {
        String retention = topic.retention()
                .map(days -> days.toDays() + (days.toDays() == 1 ? " day" : " days"))
                .orElse("no retention");
        String row = doc().lines()
                .filter(line -> line.startsWith("| `" + topic.topicName() + "` |"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + topic.topicName() + " in " + DOC));

        assertThat(row).startsWith("| `%s` | project id | %d | %s, %s | ".formatted(topic.topicName(),
                topic.partitions(), topic.cleanup().policy(), retention));
        assertThat(row).contains("`" + topic.deadLetterTopicName() + "`");
        topic.eventTypes().forEach(type -> assertThat(row).contains("`" + type.type() + "`"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyPayloadHasASectionListingTheFieldsOfItsSchema(EventType type) {
        String section = section(type);

        assertThat(section).contains("Topic `" + type.topic().topicName() + "`");
        assertThat(fieldRows(section)).isEqualTo(fields(schema(type.schemaResource()), ""));
    }

    /** Field path to whether it is required, from the schema, nested objects and array items included. */
    private static Map<String, Boolean> fields(JsonNode schema, String prefix) {
        Set<String> required = schema.path("required").values().stream().map(JsonNode::asString)
                .collect(Collectors.toSet());
        Map<String, Boolean> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            fields.put(prefix + property.getKey(), required.contains(property.getKey()));
            JsonNode value = property.getValue();
            if (value.has("properties")) {
                fields.putAll(fields(value, prefix + property.getKey() + "."));
            } else if (value.path("items").has("properties")) {
                fields.putAll(fields(value.path("items"), prefix + property.getKey() + "[]."));
            }
        }
        return fields;
    }

    private static Map<String, Boolean> fieldRows(String section) {
        Map<String, Boolean> rows = new LinkedHashMap<>();
        Matcher matcher = FIELD_ROW.matcher(section);
        while (matcher.find()) {
            rows.put(matcher.group(1), matcher.group(2) != null);
        }
        return rows;
    }

    private static String section(EventType type) {
        return Arrays.stream(doc().split("\n### "))
                .filter(section -> section.lines().findFirst().orElseThrow().endsWith("`" + type.type() + "`"))
                .map(section -> section.split("\n## ")[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section for " + type.type() + " in " + DOC));
    }

    private static String doc() {
        try {
            return Files.readString(DOC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOC.toAbsolutePath().normalize(), e);
        }
    }

    private static JsonNode schema(String resource) {
        try (InputStream in = EventsDocumentationTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JsonEdits.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
