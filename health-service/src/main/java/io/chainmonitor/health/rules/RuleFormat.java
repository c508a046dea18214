package io.chainmonitor.health.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The two forms of a rule set on the API: JSON and YAML (rules as code), picked by Accept and Content-Type. */
enum RuleFormat {
    JSON(MediaType.APPLICATION_JSON), YAML(MediaType.parseMediaType("application/yaml"));

    private static final List<String> YAML_TYPES = List.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml");

    private final MediaType mediaType;

    RuleFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * The form an {@code Accept} header asks for, by quality: YAML when a YAML type comes first, JSON for JSON or a
     * wildcard, and JSON when there is no header.
     */
    static RuleFormat forAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new RulesApiException(RulesApiException.Reason.INVALID_REQUEST, "Accept: " + e.getMessage());
        }
        types = new ArrayList<>(types);
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (isYaml(type)) {
                return YAML;
            }
            if (isJson(type) || type.isWildcardType()
                    || "application".equals(type.getType()) && type.isWildcardSubtype()) {
                return JSON;
            }
        }
        throw new RulesApiException(RulesApiException.Reason.NOT_ACCEPTABLE, "a rule set is served as "
                + "application/json or application/yaml, not " + accept);
    }

    /** The form of a request body by its {@code Content-Type}; a body without one, or of another type, is refused. */
    static RuleFormat forContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("no Content-Type");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw unsupported("Content-Type " + contentType);
        }
        if (isYaml(type)) {
            return YAML;
        }
        if (isJson(type)) {
            return JSON;
        }
        throw unsupported("Content-Type " + contentType);
    }

    private static boolean isYaml(MediaType type) {
        return YAML_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    }

    /** application/json and its structured suffix kin, such as application/merge-patch+json. */
    private static boolean isJson(MediaType type) {
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static RulesApiException unsupported(String what) {
        return new RulesApiException(RulesApiException.Reason.UNSUPPORTED_MEDIA_TYPE, what
                + ": send the rule set as application/json or application/yaml");
    }
}
