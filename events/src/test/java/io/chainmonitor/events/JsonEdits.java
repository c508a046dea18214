package io.chainmonitor.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.core.JsonPointer;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.events.fixtures.Fixtures;

/** Edits of a fixture's JSON tree by JSON Pointer, to make the bad and the odd inputs the tests feed the codec. */
final class JsonEdits {

    static final JsonMapper MAPPER = EventCodec.newMapper();

    private JsonEdits() {
    }

    /** A fresh, editable tree of the fixture of {@code type}. */
    static ObjectNode fixture(EventType type) {
        return (ObjectNode) MAPPER.readTree(Fixtures.bytes(type));
    }

    /** The fixture of {@code type} with {@code edit} applied, as bytes. */
    static byte[] edited(EventType type, Consumer<ObjectNode> edit) {
        ObjectNode root = fixture(type);
        edit.accept(root);
        return bytes(root);
    }

    /**
     * The layout of the golden fixtures: two-space indents, one member or element a line, {@code "name": value}, a
     * final newline.
     */
    static String pretty(JsonNode root) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("")).withObjectIndenter(indenter).withArrayIndenter(indenter);
        return MAPPER.writer().with(printer).writeValueAsString(root) + "\n";
    }

    static byte[] bytes(JsonNode root) {
        return MAPPER.writeValueAsBytes(root);
    }

    /** Sets the member or element at {@code pointer}; its parent must exist. */
    static void set(JsonNode root, String pointer, JsonNode value) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        if (parent instanceof ArrayNode array) {
            array.set(path.last().getMatchingIndex(), value);
        } else {
            ((ObjectNode) parent).set(path.last().getMatchingProperty(), value);
        }
    }

    /** Removes the member at {@code pointer}. */
    static void remove(JsonNode root, String pointer) {
        JsonPointer path = JsonPointer.compile(pointer);
        ((ObjectNode) root.at(path.head())).remove(path.last().getMatchingProperty());
    }

    /** A JSON value written as JSON text, e.g. {@code "0"}, {@code "[]"} or {@code "\"resolved\""}. */
    static JsonNode value(String json) {
        return MAPPER.readTree(json);
    }

    /** The pointers of every member of every object below {@code node}, deepest last. */
    static List<String> memberPointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                pointers.add(pointer);
                pointers.addAll(memberPointers(node.get(name), pointer));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers.addAll(memberPointers(node.get(i), at + "/" + i));
            }
        }
        return pointers;
    }
}
