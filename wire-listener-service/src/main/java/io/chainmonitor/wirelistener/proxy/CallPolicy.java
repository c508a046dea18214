package io.chainmonitor.wirelistener.proxy;

import java.util.ArrayList;
import java.util.List;

import io.chainmonitor.events.wire.WireIncident.Disposition;
import io.chainmonitor.rules.chain.MethodClass;
import io.chainmonitor.rules.wire.Detector;
import io.chainmonitor.wirelistener.WireListenerProperties.CriticalPolicy;

/**
 * What a well-formed JSON-RPC request gets, the same over HTTP and WebSocket: forwarded when every call is recognized
 * (or critical under {@code forward}), else one error per call in the node's dialect, never forwarded.
 *
 * @param classes each call's class, in order
 * @param disposition what the listener does with the request
 * @param answer the JSON answered in the node's place, or null when forwarded
 * @param firstCode the first error's code, or 0 when forwarded
 */
record CallPolicy(List<MethodClass> classes, Disposition disposition, String answer, int firstCode) {

    boolean forwarded() {
        return answer == null;
    }

    /** The detector of a call that is not recognized, or null for a recognized one. */
    Detector detector(int call) {
        return switch (classes.get(call)) {
            case RECOGNIZED -> null;
            case CRITICAL -> Detector.CRITICAL_METHOD;
            default -> Detector.UNRECOGNIZED_METHOD;
        };
    }

    static CallPolicy decide(RpcTarget target, JsonRpcInspector.Inspection inspection) {
        List<JsonRpcInspector.Call> calls = inspection.calls();
        List<MethodClass> classes = new ArrayList<>(calls.size());
        boolean refuse = false;
        for (JsonRpcInspector.Call call : calls) {
            MethodClass kind = target.catalog().classify(call.method());
            classes.add(kind);
            if (kind == MethodClass.UNRECOGNIZED
                    || kind == MethodClass.CRITICAL && target.critical() != CriticalPolicy.FORWARD) {
                refuse = true;
            }
        }
        if (!refuse) {
            return new CallPolicy(classes, Disposition.FORWARDED, null, 0);
        }
        Disposition disposition = target.critical() == CriticalPolicy.HONEYPOT
                ? Disposition.HONEYPOT
                : Disposition.REFUSED;
        return refused(target, inspection, classes, disposition, null);
    }

    /**
     * Refuses every call, those the listener does not serve by their class and the recognized ones with
     * {@code reason} (the batch's reason when null).
     */
    static CallPolicy refused(RpcTarget target, JsonRpcInspector.Inspection inspection, List<MethodClass> classes,
            Disposition disposition, String reason) {
        List<JsonRpcInspector.Call> calls = inspection.calls();
        List<String> errors = new ArrayList<>(calls.size());
        int firstCode = 0;
        for (int i = 0; i < calls.size(); i++) {
            JsonRpcInspector.Call call = calls.get(i);
            int code;
            String message;
            if (classes.get(i) == MethodClass.RECOGNIZED) {
                code = reason == null ? RpcReplies.INVALID_REQUEST : RpcReplies.REFUSED;
                message = reason == null ? "batch refused: it contains calls this port does not serve" : reason;
            } else if (classes.get(i) == MethodClass.CRITICAL && target.critical() == CriticalPolicy.REFUSE) {
                code = RpcReplies.REFUSED;
                message = "the method " + call.method() + " is not allowed on this port";
            } else {
                code = RpcReplies.METHOD_NOT_FOUND;
                message = RpcReplies.methodNotFound(target.bitcoinFamily(), call.method());
            }
            if (firstCode == 0) {
                firstCode = code;
            }
            errors.add(RpcReplies.error(target.bitcoinFamily(), call.idJson(), code, message));
        }
        String answer = inspection.batch() ? RpcReplies.batch(errors) : errors.get(0);
        return new CallPolicy(classes, disposition, answer, firstCode);
    }

    /** The error code and message answering a body the inspector found wrong. */
    static int problemCode(Detector problem) {
        return problem == Detector.MALFORMED_JSON ? RpcReplies.PARSE_ERROR : RpcReplies.INVALID_REQUEST;
    }

    static String problemMessage(Detector problem) {
        return switch (problem) {
            case MALFORMED_JSON -> "Parse error";
            case DEEP_JSON -> "request nested too deeply";
            case OVERSIZED_BATCH -> "batch too large";
            default -> "Invalid Request";
        };
    }
}
