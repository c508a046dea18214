package io.chainmonitor.support.web;

import java.util.Locale;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page of the main port as a problem: failures that never reached a controller (a rejected URL, a
 * failing filter) are answered like the others, never with a stack trace or an exception's message.
 */
@Controller
final class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatusCode status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, request));
        problem.setType(ProblemTypes.of(ProblemTypes.slugOf(status)));
        problem.setTitle(ProblemTypes.titleOf(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value ? HttpStatusCode.valueOf(value) : HttpStatus.NOT_FOUND;
    }

    private static String detail(HttpStatusCode status, HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return "there is no endpoint " + (uri != null ? uri : request.getRequestURI());
        }
        if (status.is5xxServerError()) {
            return "the request failed on an internal error, which has been logged";
        }
        return "the request was refused: " + ProblemTypes.titleOf(status).toLowerCase(Locale.ROOT);
    }
}
