package io.chainmonitor.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/** Turns Spring's and Bean Validation's failures into a problem's {@code errors} list. */
final class ValidationErrors {

    private ValidationErrors() {
    }

    /** The errors of a bound object: a request body's members, or the parameters bound onto an object. */
    static List<ProblemError> of(Errors errors, boolean body) {
        return of(errors, body, "");
    }

    static List<ProblemError> of(HandlerMethodValidationException ex) {
        List<ProblemError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            String element = element(result);
            if (result instanceof ParameterErrors bound) {
                boolean body = parameter.hasParameterAnnotation(RequestBody.class);
                errors.addAll(of(bound, body, body ? element : name(parameter) + element));
            } else {
                String name = name(parameter) + element;
                result.getResolvableErrors().forEach(
                        error -> errors.add(ProblemError.parameter(name, error.getDefaultMessage())));
            }
        }
        return errors;
    }

    static List<ProblemError> of(Set<ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> ProblemError.parameter(name(violation.getPropertyPath()), violation.getMessage()))
                .toList();
    }

    /** "name must not be blank; replicas must be greater than 0". */
    static String summary(List<ProblemError> errors) {
        if (errors.isEmpty()) {
            return "the request is invalid";
        }
        return errors.stream()
                .map(error -> error.field() == null ? error.message() : error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
    }

    private static List<ProblemError> of(Errors errors, boolean body, String prefix) {
        List<ProblemError> problems = new ArrayList<>();
        for (ObjectError error : errors.getAllErrors()) {
            String message = message(error);
            if (error instanceof FieldError field) {
                String path = join(prefix, field.getField());
                problems.add(body ? ProblemError.bodyMember(path, message) : ProblemError.parameter(path, message));
            } else {
                problems.add(body
                        ? new ProblemError(null, JsonPointers.fromPropertyPath(prefix), message)
                        : new ProblemError(prefix.isEmpty() ? null : prefix, null, message));
            }
        }
        return problems;
    }

    /** A value that could not even be converted carries a message naming Java types; say what was expected. */
    private static String message(ObjectError error) {
        if (error.contains(TypeMismatchException.class)) {
            return "must be " + ValueTypes.describe(error.unwrap(TypeMismatchException.class).getRequiredType());
        }
        return error.getDefaultMessage();
    }

    private static String join(String prefix, String field) {
        if (prefix.isEmpty() || field.startsWith("[")) {
            return prefix + field;
        }
        return prefix + "." + field;
    }

    private static String element(ParameterValidationResult result) {
        if (result.getContainerIndex() != null) {
            return "[" + result.getContainerIndex() + "]";
        }
        return result.getContainerKey() != null ? "[" + result.getContainerKey() + "]" : "";
    }

    static String name(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        String declared = param != null
                ? firstText(param.name(), param.value())
                : variable != null
                        ? firstText(variable.name(), variable.value())
                        : header != null ? firstText(header.name(), header.value()) : "";
        if (!declared.isEmpty()) {
            return declared;
        }
        String name = parameter.getParameterName();
        return name != null ? name : "argument " + parameter.getParameterIndex();
    }

    private static String firstText(String first, String second) {
        return first.isEmpty() ? second : first;
    }

    /** The property path below the method and its parameter, such as {@code replicas[0].location}. */
    private static String name(Path path) {
        StringBuilder property = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                continue;
            }
            if (node.isInIterable()) {
                if (property.isEmpty() && parameter != null) {
                    property.append(parameter);
                }
                property.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null) {
                property.append(property.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return property.isEmpty() ? parameter : property.toString();
    }
}
