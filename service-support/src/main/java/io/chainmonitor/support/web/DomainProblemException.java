package io.chainmonitor.support.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that the domain refuses, answered as an RFC 9457 problem: a status, a type slug (see
 * {@link ProblemTypes#of(String)}) and a detail that tells the caller what is wrong. For example
 * {@code new DomainProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "binary-hash-mismatch", "the upload's SHA-256 is
 * 3f2a…, not the 9bc1… announced")}.
 */
public class DomainProblemException extends ErrorResponseException {

    public DomainProblemException(HttpStatusCode status, String type, String detail) {
        this(status, type, detail, Map.of());
    }

    /** With extra members of the problem object, such as the expected and actual values. */
    public DomainProblemException(HttpStatusCode status, String type, String detail, Map<String, ?> properties) {
        super(status, problem(status, type, detail, properties), null);
    }

    /**
     * The problem members that name one refused request body member the way every other refusal does: an
     * {@code errors} list with its {@code field} ({@code steps[0].timeout}), JSON {@code pointer} and {@code message}.
     */
    public static Map<String, Object> invalidMember(String field, String message) {
        return Map.of("errors", List.of(ProblemError.bodyMember(field, message)));
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(HttpStatusCode status, String type, String detail,
            Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(type));
        problem.setTitle(title(type));
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** "binary-hash-mismatch" reads "Binary hash mismatch". */
    private static String title(String slug) {
        String words = slug.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
