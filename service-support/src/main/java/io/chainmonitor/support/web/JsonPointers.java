package io.chainmonitor.support.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;

/** JSON Pointers (RFC 6901) for the members of a request body. */
final class JsonPointers {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[([^\\]]*)\\]");

    private JsonPointers() {
    }

    /** {@code replicas[0].location} becomes {@code /replicas/0/location}; an empty path is the whole body. */
    static String fromPropertyPath(String path) {
        StringBuilder pointer = new StringBuilder();
        Matcher matcher = SEGMENT.matcher(path == null ? "" : path);
        while (matcher.find()) {
            String segment = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            pointer.append('/').append(escape(segment));
        }
        return pointer.toString();
    }

    /** The property path of where a JSON reader failed, {@code replicas[0].location}. */
    static String propertyPath(List<JacksonException.Reference> path) {
        StringBuilder property = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!property.isEmpty()) {
                    property.append('.');
                }
                property.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                property.append('[').append(reference.getIndex()).append(']');
            }
        }
        return property.toString();
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
