package io.chainmonitor.rules.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.chainmonitor.rules.yaml.YamlNode.Mapping;
import io.chainmonitor.rules.yaml.YamlNode.Scalar;
import io.chainmonitor.rules.yaml.YamlNode.Sequence;
import io.chainmonitor.rules.yaml.YamlNode.Where;

/**
 * Reads one YAML document into a {@link YamlNode} tree with positions. Jackson's own trees forget where a value was
 * written, and the catalog's messages must say it.
 */
public final class YamlTree {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private YamlTree() {
    }

    /**
     * The one mapping {@code content} holds; {@code what} names the kind of file in messages ("a chain type file"),
     * {@code errors} makes the reader's exceptions.
     */
    public static Mapping read(String source, byte[] content, String what, YamlErrors errors) {
        try (JsonParser parser = YAML.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw errors.error(YamlProblem.UNREADABLE, source + ": the file is empty", null);
            }
            YamlNode root = value(parser, source, errors);
            if (!(root instanceof Mapping mapping)) {
                throw errors.at(YamlProblem.UNREADABLE, root.where(), "(root)",
                        what + " holds one mapping, found " + root.kind());
            }
            if (parser.nextToken() != null) {
                throw errors.at(YamlProblem.UNREADABLE, where(parser, source), "(root)",
                        what + " holds one YAML document");
            }
            return mapping;
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String where = location == null
                    ? source
                    : source + ":" + location.getLineNr() + ":" + location.getColumnNr();
            throw errors.error(YamlProblem.UNREADABLE, where + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static YamlNode value(JsonParser parser, String source, YamlErrors errors) {
        Where where = where(parser, source);
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, source, where, errors);
            case START_ARRAY -> sequence(parser, source, where, errors);
            case VALUE_STRING -> new Scalar(where, parser.getString(), true);
            case VALUE_NULL -> new Scalar(where, null, false);
            default -> new Scalar(where, parser.getString(), false);
        };
    }

    private static Mapping mapping(JsonParser parser, String source, Where where, YamlErrors errors) {
        Map<String, YamlNode> values = new LinkedHashMap<>();
        Map<String, Where> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            Where keyWhere = where(parser, source);
            if (keys.containsKey(key)) {
                throw errors.at(YamlProblem.UNREADABLE, keyWhere, key,
                        "duplicate key, first written at line " + keys.get(key).line());
            }
            parser.nextToken();
            keys.put(key, keyWhere);
            values.put(key, value(parser, source, errors));
        }
        return new Mapping(where, values, keys);
    }

    private static Sequence sequence(JsonParser parser, String source, Where where, YamlErrors errors) {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser, source, errors));
        }
        return new Sequence(where, items);
    }

    private static Where where(JsonParser parser, String source) {
        TokenStreamLocation location = parser.currentTokenLocation();
        return new Where(source, location.getLineNr(), location.getColumnNr());
    }
}
