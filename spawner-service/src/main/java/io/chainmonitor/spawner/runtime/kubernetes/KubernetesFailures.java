package io.chainmonitor.spawner.runtime.kubernetes;

import java.util.function.Supplier;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;

/** Turns the Kubernetes API's failures into the runtime's typed errors, naming the call and the API's answer. */
final class KubernetesFailures {

    private KubernetesFailures() {
    }

    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientTimeoutException e) {
            // Waiting too long is the caller's to explain, not an API failure.
            throw e;
        } catch (KubernetesClientException e) {
            throw failure(what, e);
        }
    }

    static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    static ReplicaRuntimeException failure(String what, KubernetesClientException e) {
        int code = e.getCode();
        String said = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : e.getMessage();
        String prefix = "kubernetes: " + what + ": ";
        Reason reason;
        if (code == 404) {
            reason = Reason.PLATFORM_NOT_FOUND;
        } else if (code == 409) {
            reason = Reason.PLATFORM_CONFLICT;
        } else if (code >= 500) {
            reason = Reason.PLATFORM_ERROR;
        } else if (code >= 400) {
            reason = Reason.PLATFORM_REJECTED;
        } else {
            return new ReplicaRuntimeException(Reason.PLATFORM_UNREACHABLE,
                    prefix + "the API server cannot be reached: " + e.getMessage(), null, e);
        }
        return new ReplicaRuntimeException(reason, prefix + "the API server answered " + code + " - " + said, null, e);
    }
}
