package io.chainmonitor.support.web;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The {@code type} URIs of the platform's problem responses: {@code urn:chain-monitor:problem:<slug>}, one slug per
 * kind of problem ({@code invalid-request}, {@code not-found}, a service's {@code binary-hash-mismatch}).
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:chain-monitor:problem:";
    public static final String INVALID_REQUEST = "invalid-request";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String INTERNAL_ERROR = "internal-error";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Map<Integer, String> BY_STATUS = Map.ofEntries(
            Map.entry(400, INVALID_REQUEST),
            Map.entry(401, UNAUTHORIZED),
            Map.entry(403, FORBIDDEN),
            Map.entry(404, NOT_FOUND),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "content-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "unprocessable-content"),
            Map.entry(429, "too-many-requests"),
            Map.entry(500, INTERNAL_ERROR),
            Map.entry(503, "unavailable"));

    private ProblemTypes() {
    }

    /** The type URI of a slug: lower-case words joined by hyphens. */
    public static URI of(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("a problem type is lower-case words joined by hyphens, was " + slug);
        }
        return URI.create(PREFIX + slug);
    }

    /** The slug of a problem that says no more than its HTTP status. */
    public static String slugOf(HttpStatusCode status) {
        return BY_STATUS.getOrDefault(status.value(), "http-" + status.value());
    }

    /** The title of a problem that says no more than its HTTP status: the status's reason phrase. */
    public static String titleOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }
}
