package io.chainmonitor.support.web;

import java.util.List;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Says what is wrong with a request body that could not be read as the endpoint's JSON. */
final class UnreadableBodies {

    /** The problem's detail, and the members at fault when the body is JSON of the wrong shape. */
    record Diagnosis(String detail, List<ProblemError> errors) {
    }

    private UnreadableBodies() {
    }

    static Diagnosis diagnose(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return member(unknown, "is not a known field");
        }
        if (cause instanceof ValueInstantiationException invalid
                && invalid.getCause() instanceof IllegalArgumentException
                && invalid.getCause().getMessage() != null) {
            String message = invalid.getCause().getMessage();
            return new Diagnosis(message, List.of(error(JsonPointers.propertyPath(invalid.getPath()), message)));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return member(mismatch, "must be " + ValueTypes.describe(mismatch.getTargetType()));
        }
        if (cause instanceof StreamReadException syntax) {
            return new Diagnosis("the body is not valid JSON" + at(syntax.getLocation()), List.of());
        }
        if (cause instanceof JacksonException) {
            return new Diagnosis("the body cannot be read as the JSON this endpoint takes", List.of());
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return new Diagnosis("a request body is required", List.of());
        }
        return new Diagnosis("the request body cannot be read", List.of());
    }

    private static Diagnosis member(JacksonException ex, String message) {
        String path = JsonPointers.propertyPath(ex.getPath());
        String detail = (path.isEmpty() ? "the body" : "'" + path + "'") + " " + message;
        return new Diagnosis(detail, List.of(error(path, message)));
    }

    private static ProblemError error(String path, String message) {
        return path.isEmpty() ? new ProblemError(null, "", message) : ProblemError.bodyMember(path, message);
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
