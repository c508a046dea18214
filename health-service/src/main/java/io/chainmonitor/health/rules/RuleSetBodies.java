package io.chainmonitor.health.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.RuleSetException;
import io.chainmonitor.rules.yaml.RuleSetReader;

/**
 * Reads request bodies of the rules API: at most the configured size (413 beyond, counted while reading), in JSON or
 * YAML, and strictly through the rules catalog's reader so that every complaint names the body's line and key.
 */
@Component
class RuleSetBodies {

    static final String SOURCE = "request body";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final long maxBytes;

    RuleSetBodies(HealthProperties properties) {
        this.maxBytes = properties.rules().maxBodySize().toBytes();
    }

    /** The body's bytes, refused with 413 once it passes the limit; {@code declared} is its Content-Length or -1. */
    byte[] read(InputStream body, long declared) {
        if (declared > maxBytes) {
            throw tooLarge(declared + " bytes");
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge("more than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
    }

    /** A whole rule set document; JSON is read as the YAML it also is, so its lines and columns are named too. */
    RuleSetDefinition ruleSet(byte[] body, RuleFormat format) {
        byte[] text = body;
        if (format == RuleFormat.JSON) {
            tree(body, format);
            // Valid JSON holds tabs only between tokens, where they mean what a space means; YAML forbids them there.
            text = new String(body, StandardCharsets.UTF_8).replace('\t', ' ').getBytes(StandardCharsets.UTF_8);
        }
        try {
            return RuleSetReader.read(SOURCE, text);
        } catch (RuleSetException e) {
            throw RuleSetProblems.ofBody(e, ruleIds(body, format));
        }
    }

    /** The body as a tree (a patch, a single rule), refusing a body that is not JSON or YAML. */
    JsonNode tree(byte[] body, RuleFormat format) {
        if (body.length == 0) {
            throw new RulesApiException(RulesApiException.Reason.INVALID_RULE_SET, "the request body is empty");
        }
        try {
            return format == RuleFormat.JSON ? JSON.readTree(body) : YAML.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new RulesApiException(RulesApiException.Reason.INVALID_RULE_SET, SOURCE + where + ": not valid "
                    + format + ": " + e.getOriginalMessage(), Map.of("reason", "unreadable"));
        }
    }

    private List<String> ruleIds(byte[] body, RuleFormat format) {
        List<String> ids = new ArrayList<>();
        try {
            JsonNode rules = (format == RuleFormat.JSON ? JSON.readTree(body) : YAML.readTree(body)).path("rules");
            rules.forEach(rule -> ids.add(rule.path("id").asString("")));
        } catch (JacksonException e) {
            // The reader has already said why the body is unreadable; without ids the problem just has no pointer.
        }
        return ids;
    }

    private RulesApiException tooLarge(String size) {
        return new RulesApiException(RulesApiException.Reason.BODY_TOO_LARGE, "the body has " + size
                + "; a rule set may have at most " + maxBytes + " bytes", Map.of("maxBytes", maxBytes));
    }
}
