package io.chainmonitor.action.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.chainmonitor.action.ActionException;
import io.chainmonitor.action.ActionException.Reason;
import io.chainmonitor.action.UserUrls;
import io.chainmonitor.action.execution.StepContext;
import io.chainmonitor.action.execution.StepRunner;
import io.chainmonitor.events.Severity;

/**
 * Checks a policy as a user sent it and fills in its defaults; the first problem is refused with the member it is
 * about. A URL is checked against the SSRF policy here, so that a hostile one is never stored.
 */
@Component
class PolicyValidator {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_STEPS = 20;

    private final UserUrls urls;
    private final List<StepRunner> runners;

    PolicyValidator(UserUrls urls, List<StepRunner> runners) {
        this.urls = urls;
        this.runners = List.copyOf(runners);
    }

    ActionPolicy validate(ActionPolicy policy) {
        if (policy == null) {
            throw new ActionException(Reason.INVALID_REQUEST, "the request has no body");
        }
        if (policy.name() == null || !policy.name().matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}")) {
            throw invalid("name", "must be 1 to 80 letters, digits, spaces, '.', '_' or '-'");
        }
        ActionPolicy.Trigger trigger = policy.trigger() == null
                ? new ActionPolicy.Trigger(null, List.of(), List.of(), Map.of())
                : policy.trigger();
        String minSeverity = trigger.minSeverity();
        if (minSeverity != null) {
            try {
                minSeverity = Severity.fromWire(minSeverity).wireName();
            } catch (IllegalArgumentException e) {
                throw invalid("trigger.minSeverity", e.getMessage());
            }
        }
        trigger = new ActionPolicy.Trigger(minSeverity, texts(trigger.ruleIds(), "trigger.ruleIds"),
                texts(trigger.attacks(), "trigger.attacks"), trigger.labels() == null ? Map.of() : trigger.labels());
        Duration cooldown = policy.cooldown() == null ? Duration.ZERO : policy.cooldown();
        if (cooldown.isNegative()) {
            throw invalid("cooldown", "must not be negative");
        }
        if (policy.mode() == null) {
            throw invalid("mode", "is required: one of AUTOMATIC, APPROVAL, DRY_RUN");
        }
        if (policy.steps() == null || policy.steps().isEmpty() || policy.steps().size() > MAX_STEPS) {
            throw invalid("steps", "must hold 1 to " + MAX_STEPS + " steps");
        }
        List<ActionPolicy.Step> steps = new ArrayList<>();
        for (int i = 0; i < policy.steps().size(); i++) {
            steps.add(step(policy.steps().get(i), "steps[" + i + "]"));
        }
        return new ActionPolicy(policy.name(), policy.enabled() == null || policy.enabled(), trigger, cooldown,
                policy.mode(), List.copyOf(steps));
    }

    private ActionPolicy.Step step(ActionPolicy.Step step, String at) {
        if (step == null) {
            throw invalid(at, "is empty");
        }
        StepType type = StepType.fromWire(step.type()).orElseThrow(() -> invalid(at + ".type",
                "must be one of " + Arrays.stream(StepType.values()).map(StepType::wireName).toList()));
        Map<String, String> parameters = step.parameters() == null ? Map.of() : step.parameters();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (!type.parameters().contains(parameter.getKey())) {
                throw invalid(at + ".parameters." + parameter.getKey(),
                        "is not a parameter of " + type.wireName() + " (it takes " + type.parameters() + ")");
            }
            if (parameter.getValue() == null || parameter.getValue().isBlank()) {
                throw invalid(at + ".parameters." + parameter.getKey(), "must not be empty");
            }
        }
        if (type == StepType.HTTP_CALL) {
            urls.check(parameters.get("url"), at + ".parameters.url");
        }
        if (type == StepType.BLOCK_SOURCE && parameters.containsKey("duration")) {
            try {
                if (!Duration.parse(parameters.get("duration")).isPositive()) {
                    throw invalid(at + ".parameters.duration", "must be positive");
                }
            } catch (DateTimeParseException e) {
                throw invalid(at + ".parameters.duration", "must be an ISO-8601 duration such as PT1H");
            }
        }
        // a runner checks the values of its own type (an ABI signature, a spending cap) before anything is stored
        for (StepRunner runner : runners) {
            if (runner.type() == type) {
                runner.validate(new StepContext.Target(null, null), at + ".parameters", parameters);
            }
        }
        Duration timeout = step.timeout() == null ? DEFAULT_TIMEOUT : step.timeout();
        if (!timeout.isPositive() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw invalid(at + ".timeout", "must be more than zero and at most " + MAX_TIMEOUT);
        }
        return new ActionPolicy.Step(type.wireName(), Map.copyOf(parameters), timeout,
                step.onFailure() == null ? ActionPolicy.OnFailure.STOP : step.onFailure());
    }

    private static List<String> texts(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw invalid(field, "must not hold empty entries");
            }
        }
        return List.copyOf(values);
    }

    private static ActionException invalid(String field, String message) {
        return ActionException.invalidField(Reason.INVALID_REQUEST, field, message);
    }

}
