package io.chainmonitor.support.web;

import java.net.URI;
import java.util.List;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every failed request with an RFC 9457 problem ({@code application/problem+json}) whose detail says what is
 * wrong; invalid input also lists the members at fault. Unexpected failures are logged and answered without any
 * internal detail. Ordered last, so that a service's own advice comes first.
 */
@RestControllerAdvice
@Order
class ProblemResponseAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponseAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        boolean body = ex.getParameter().hasParameterAnnotation(RequestBody.class);
        return invalid(ex, ValidationErrors.of(ex.getBindingResult(), body), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, ValidationErrors.of(ex), headers, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        return invalid(ex, ValidationErrors.of(ex.getConstraintViolations()), new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        UnreadableBodies.Diagnosis diagnosis = UnreadableBodies.diagnose(ex);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, diagnosis.detail());
        if (!diagnosis.errors().isEmpty()) {
            problem.setProperty("errors", diagnosis.errors());
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : ex.getPropertyName();
        String message = "must be " + ValueTypes.describe(ex.getRequiredType());
        return invalid(ex, List.of(ProblemError.parameter(name, message)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(status, "there is no endpoint " + ex.getHttpMethod() + " /"
                + ex.getResourcePath());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Security failures thrown by a controller go back to the security filters, which answer 401 or 403. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex;
        }
        log.error("request {} failed", request.getDescription(false), ex);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "the request failed on an internal error, which has been logged");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Every problem gets the platform's type for its status unless it has a more precise one. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given
                ? given
                : ex instanceof ErrorResponse response ? response.getBody() : ProblemDetail.forStatus(statusCode);
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            problem.setType(ProblemTypes.of(ProblemTypes.slugOf(statusCode)));
            problem.setTitle(ProblemTypes.titleOf(statusCode));
        }
        if (problem.getTitle() == null) {
            problem.setTitle(ProblemTypes.titleOf(statusCode));
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(Exception ex, List<ProblemError> errors, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ValidationErrors.summary(errors));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(ProblemTypes.slugOf(status)));
        problem.setTitle(ProblemTypes.titleOf(status));
        return problem;
    }
}
