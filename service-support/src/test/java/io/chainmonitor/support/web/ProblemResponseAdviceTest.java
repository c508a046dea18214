package io.chainmonitor.support.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemResponseAdviceTest {

    record NewProject(String name, int replicas) {
        NewProject {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is required");
            }
        }
    }

    static final class Endpoints {
        void create(@RequestBody NewProject project) {
        }

        void list(@RequestParam("limit") int limit) {
        }
    }

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ProblemResponseAdvice advice = new ProblemResponseAdvice();
    private final ServletWebRequest request = new ServletWebRequest(
            new MockHttpServletRequest("POST", "/api/projects"));

    @Test
    void anInvalidBodyListsEveryFieldAtFaultWithItsJsonPointer() throws Exception {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(new NewProject("x", 1), "newProject");
        errors.addError(new FieldError("newProject", "name", "must not be blank"));
        errors.addError(new FieldError("newProject", "replicas[0].location", "must not be null"));

        ProblemDetail problem = handle(new MethodArgumentNotValidException(parameter("create"), errors));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).hasToString("urn:chain-monitor:problem:invalid-request");
        assertThat(problem.getTitle()).isEqualTo("Bad Request");
        assertThat(problem.getDetail()).isEqualTo("name must not be blank; replicas[0].location must not be null");
        assertThat(errors(problem)).containsExactly(
                new ProblemError("name", "/name", "must not be blank"),
                new ProblemError("replicas[0].location", "/replicas/0/location", "must not be null"));
    }

    @Test
    void anUnknownFieldIsNamedWhenTheEndpointRejectsUnknownFields() throws Exception {
        ProblemDetail problem = handle(unreadable("{\"name\":\"demo\",\"replicas\":1,\"colour\":\"red\"}"));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo("'colour' is not a known field");
        assertThat(errors(problem)).containsExactly(new ProblemError("colour", "/colour", "is not a known field"));
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatWasExpected() throws Exception {
        ProblemDetail problem = handle(unreadable("{\"name\":\"demo\",\"replicas\":\"many\"}"));

        assertThat(problem.getDetail()).isEqualTo("'replicas' must be a whole number");
        assertThat(errors(problem)).containsExactly(new ProblemError("replicas", "/replicas",
                "must be a whole number"));
    }

    @Test
    void aRecordThatRefusesItsValuesGivesItsOwnMessage() throws Exception {
        ProblemDetail problem = handle(unreadable("{\"name\":\" \",\"replicas\":1}"));

        assertThat(problem.getDetail()).isEqualTo("name is required");
    }

    @Test
    void malformedJsonSaysWhereItBreaks() throws Exception {
        ProblemDetail problem = handle(unreadable("{\"name\": \"demo\",,}"));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).startsWith("the body is not valid JSON (line 1, column");
    }

    @Test
    void aParameterOfTheWrongTypeIsNamedWithoutJavaTypes() throws Exception {
        MethodArgumentTypeMismatchException mismatch = new MethodArgumentTypeMismatchException("ten", int.class,
                "limit", parameter("list"), new NumberFormatException("For input string: \"ten\""));

        ProblemDetail problem = handle(mismatch);

        assertThat(problem.getDetail()).isEqualTo("limit must be a whole number");
        assertThat(errors(problem)).containsExactly(new ProblemError("limit", null, "must be a whole number"));
        assertThat(problem.toString()).doesNotContain("java.", "NumberFormatException", "int.class");
    }

    @Test
    void anUnexpectedFailureIsA500ThatTellsNothingOfTheInternals() throws Exception {
        ProblemDetail problem = handle(new IllegalStateException("connection to db.internal:5432 refused"));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getType()).hasToString("urn:chain-monitor:problem:internal-error");
        assertThat(problem.toString()).doesNotContain("db.internal", "IllegalStateException", "java.");
    }

    @Test
    void aDomainProblemKeepsItsStatusTypeDetailAndMembers() throws Exception {
        ProblemDetail problem = handle(new DomainProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                "binary-hash-mismatch", "the upload's SHA-256 is 3f2a, not 9bc1", Map.of("expected", "9bc1")));

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getType()).hasToString("urn:chain-monitor:problem:binary-hash-mismatch");
        assertThat(problem.getTitle()).isEqualTo("Binary hash mismatch");
        assertThat(problem.getDetail()).isEqualTo("the upload's SHA-256 is 3f2a, not 9bc1");
        assertThat(problem.getProperties()).containsEntry("expected", "9bc1");
    }

    @Test
    void framework4xxFailuresGetThePlatformsTypeForTheirStatus() throws Exception {
        assertThat(handle(new NoResourceFoundException(HttpMethod.GET, "/api/nothing", "api/nothing")))
                .satisfies(problem -> assertThat(problem.getStatus()).isEqualTo(404))
                .satisfies(problem -> assertThat(problem.getType()).hasToString("urn:chain-monitor:problem:not-found"))
                .satisfies(
                        problem -> assertThat(problem.getDetail()).isEqualTo("there is no endpoint GET /api/nothing"));
        assertThat(handle(new HttpRequestMethodNotSupportedException("DELETE", Set.of("GET"))).getType())
                .hasToString("urn:chain-monitor:problem:method-not-allowed");
        assertThat(handle(new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN,
                List.of(MediaType.APPLICATION_JSON))).getType())
                .hasToString("urn:chain-monitor:problem:unsupported-media-type");
        assertThat(handle(new MaxUploadSizeExceededException(1024))).satisfies(
                problem -> assertThat(problem.getStatus()).isEqualTo(413)).satisfies(
                        problem -> assertThat(problem.getType()).hasToString(
                                "urn:chain-monitor:problem:content-too-large"));
    }

    @Test
    void aSecurityFailureInAControllerIsLeftToTheSecurityFilters() {
        AccessDeniedException denied = new AccessDeniedException("not your project");

        assertThatThrownBy(() -> advice.handleUnexpected(denied, request)).isSameAs(denied);
    }

    private ProblemDetail handle(Exception ex) throws Exception {
        ResponseEntity<Object> response = ex instanceof IllegalStateException
                ? advice.handleUnexpected(ex, request)
                : advice.handleException(ex, request);
        assertThat(response).isNotNull();
        assertThat(response.getBody()).isInstanceOf(ProblemDetail.class);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(response.getStatusCode().value()).isEqualTo(problem.getStatus());
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static List<ProblemError> errors(ProblemDetail problem) {
        return (List<ProblemError>) problem.getProperties().get("errors");
    }

    private static HttpMessageNotReadableException unreadable(String json) {
        try {
            STRICT.readValue(json, NewProject.class);
        } catch (RuntimeException e) {
            return new HttpMessageNotReadableException("JSON parse error", e, new MockHttpInputMessage(new byte[0]));
        }
        throw new AssertionError("expected " + json + " to be unreadable");
    }

    private static MethodParameter parameter(String method) {
        return new MethodParameter(List.of(Endpoints.class.getDeclaredMethods()).stream()
                .filter(candidate -> candidate.getName().equals(method)).findFirst().orElseThrow(), 0);
    }
}
