package io.chainmonitor.support.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.support.web.ProblemTypes;

/**
 * 401 and 403 as RFC 9457 problems. The {@code WWW-Authenticate} header is the bearer-token one (RFC 6750); the body
 * says why the token was refused.
 */
final class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        bearerEntryPoint.commence(request, response, authException);
        write(request, response, HttpStatus.UNAUTHORIZED, unauthorizedDetail(authException));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        bearerAccessDenied.handle(request, response, accessDeniedException);
        write(request, response, HttpStatus.FORBIDDEN, "the bearer token does not allow this request");
    }

    static String unauthorizedDetail(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return "the bearer token was refused: " + oauth.getError().getDescription();
        }
        return "this request needs a bearer token (Authorization: Bearer <JWT>)";
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.of(ProblemTypes.slugOf(status)).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
