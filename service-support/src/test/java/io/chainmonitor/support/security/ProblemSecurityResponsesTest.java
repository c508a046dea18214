package io.chainmonitor.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemSecurityResponsesTest {

    private final ProblemSecurityResponses responses = new ProblemSecurityResponses();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/projects");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aMissingTokenIsA401ProblemWithABearerChallenge() throws Exception {
        responses.commence(request, response, new InsufficientAuthenticationException("Full authentication"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"type\":\"urn:chain-monitor:problem:unauthorized\"",
                "\"status\":401", "needs a bearer token", "\"instance\":\"/api/projects\"");
    }

    @Test
    void anInvalidTokenIsA401ProblemSayingWhy() throws Exception {
        responses.commence(request, response, new InvalidBearerTokenException("Jwt expired at 2026-01-01T00:00:00Z"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).contains("invalid_token");
        assertThat(response.getContentAsString()).contains("the bearer token was refused: Jwt expired");
    }

    @Test
    void aRefusedRequestIsA403Problem() throws Exception {
        responses.handle(request, response, new AccessDeniedException("Access Denied"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("\"type\":\"urn:chain-monitor:problem:forbidden\"",
                "\"status\":403", "does not allow");
    }
}
