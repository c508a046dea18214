package io.chainmonitor.support.security;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.support.web.ProblemTypes;

/**
 * Refuses changes ({@code /api/**} requests other than GET, HEAD and OPTIONS) made with a token whose {@code roles}
 * claim names no role that may change anything (owner, editor, approver): a team's viewer cannot change rules even
 * when calling a service directly. Tokens without a {@code roles} claim (service-to-service, CI) are left alone.
 */
final class RoleWriteGuard extends OncePerRequestFilter {

    /** The claim the dashboard puts the caller's team roles in. */
    static final String ROLES_CLAIM = "roles";
    /** The problem slug of a change refused for the caller's role. */
    static final String FORBIDDEN_FOR_ROLE = "forbidden-for-role";

    private static final Set<String> WRITING_ROLES = Set.of("owner", "editor", "approver");
    private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isChange(request) && !mayChange(SecurityContextHolder.getContext().getAuthentication())) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isChange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return (path.equals("/api") || path.startsWith("/api/")) && !READING_METHODS.contains(request.getMethod());
    }

    static boolean mayChange(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return true; // not a JWT caller: the authorization rules decide alone
        }
        Jwt jwt = token.getToken();
        if (!jwt.hasClaim(ROLES_CLAIM)) {
            return true;
        }
        Object roles = jwt.getClaims().get(ROLES_CLAIM);
        if (roles instanceof Collection<?> values) {
            return values.stream().anyMatch(role -> WRITING_ROLES.contains(String.valueOf(role)));
        }
        // a roles claim that is not a list is read as one role, never as "no restriction"
        return WRITING_ROLES.contains(String.valueOf(roles));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.of(FORBIDDEN_FOR_ROLE).toString());
        problem.put("title", "Forbidden for role");
        problem.put("status", HttpStatus.FORBIDDEN.value());
        problem.put("detail", "the caller's role allows reading only (GET, HEAD); a change needs owner, editor or "
                + "approver");
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
