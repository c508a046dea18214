package io.chainmonitor.support.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request, in a problem's {@code errors} list.
 *
 * @param field the request member at fault: a body property path ({@code replicas[0].location}) or a parameter name
 * @param pointer the JSON Pointer (RFC 6901) of a body member ({@code /replicas/0/location}); absent for parameters
 * @param message what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProblemError(String field, String pointer, String message) {

    static ProblemError bodyMember(String path, String message) {
        return new ProblemError(path, JsonPointers.fromPropertyPath(path), message);
    }

    static ProblemError parameter(String name, String message) {
        return new ProblemError(name, null, message);
    }
}
