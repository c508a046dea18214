package io.chainmonitor.rules.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;
import io.chainmonitor.rules.chain.YamlNode.Mapping;
import io.chainmonitor.rules.chain.YamlNode.Scalar;
import io.chainmonitor.rules.chain.YamlNode.Sequence;
import io.chainmonitor.rules.chain.YamlNode.Where;

/**
 * Reads one YAML document into a {@link YamlNode} tree with positions. Jackson's own trees forget where a value was
 * written, and the catalog's messages must say it.
 */
final class YamlTreeReader {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private YamlTreeReader() {
    }

    /** The one mapping the source holds. */
    static Mapping read(ChainSource source) {
        try (JsonParser parser = YAML.createParser(source.content())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ChainCatalogException(Reason.UNREADABLE, source.name() + ": the file is empty");
            }
            YamlNode root = value(parser, source.name());
            if (!(root instanceof Mapping mapping)) {
                throw ChainCatalogException.at(Reason.UNREADABLE, root.where(), "(root)",
                        "a chain type file holds one mapping, found " + root.kind());
            }
            if (parser.nextToken() != null) {
                throw ChainCatalogException.at(Reason.UNREADABLE, where(parser, source.name()), "(root)",
                        "a chain type file holds one YAML document");
            }
            return mapping;
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String where = location == null
                    ? source.name()
                    : source.name() + ":" + location.getLineNr() + ":" + location.getColumnNr();
            throw new ChainCatalogException(Reason.UNREADABLE, where + ": not valid YAML: " + e.getOriginalMessage(),
                    e);
        }
    }

    private static YamlNode value(JsonParser parser, String source) {
        Where where = where(parser, source);
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, source, where);
            case START_ARRAY -> sequence(parser, source, where);
            case VALUE_STRING -> new Scalar(where, parser.getString(), true);
            case VALUE_NULL -> new Scalar(where, null, false);
            default -> new Scalar(where, parser.getString(), false);
        };
    }

    private static Mapping mapping(JsonParser parser, String source, Where where) {
        Map<String, YamlNode> values = new LinkedHashMap<>();
        Map<String, Where> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            Where keyWhere = where(parser, source);
            if (keys.containsKey(key)) {
                throw ChainCatalogException.at(Reason.UNREADABLE, keyWhere, key,
                        "duplicate key, first written at line " + keys.get(key).line());
            }
            parser.nextToken();
            keys.put(key, keyWhere);
            values.put(key, value(parser, source));
        }
        return new Mapping(where, values, keys);
    }

    private static Sequence sequence(JsonParser parser, String source, Where where) {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser, source));
        }
        return new Sequence(where, items);
    }

    private static Where where(JsonParser parser, String source) {
        TokenStreamLocation location = parser.currentTokenLocation();
        return new Where(source, location.getLineNr(), location.getColumnNr());
    }
}
