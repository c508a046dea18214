package io.chainmonitor.wirelistener.proxy;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import io.chainmonitor.rules.wire.Detector;

/**
 * Reads a JSON-RPC body token by token, without building a tree: the methods and ids of its calls, or what is wrong
 * with it. Depth and batch length are checked while reading, so a hostile body costs at most its (bounded) size.
 */
final class JsonRpcInspector {

    private static final JsonFactory JSON = new JsonFactory();

    private final int maxDepth;
    private final int maxBatch;

    JsonRpcInspector(int maxDepth, int maxBatch) {
        this.maxDepth = maxDepth;
        this.maxBatch = maxBatch;
    }

    /** One call of a request: its method (null when missing or not a string) and its id as raw JSON. */
    record Call(String method, String idJson) {
    }

    /**
     * What the body holds.
     *
     * @param batch whether it is a batch
     * @param calls the calls read, in order; complete only when {@code problem} is null
     * @param problem what is wrong with the body, or null
     */
    record Inspection(boolean batch, List<Call> calls, Detector problem) {

        static Inspection problem(boolean batch, List<Call> calls, Detector problem) {
            return new Inspection(batch, List.copyOf(calls), problem);
        }
    }

    Inspection inspect(byte[] body) {
        List<Call> calls = new ArrayList<>();
        boolean batch = false;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body, 0, body.length)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                batch = true;
            } else if (token != JsonToken.START_OBJECT) {
                return Inspection.problem(false, calls, token == null
                        ? Detector.MALFORMED_JSON
                        : Detector.MALFORMED_JSON_RPC);
            }
            int requestDepth = batch ? 2 : 1;
            int depth = 1;
            String property = null;
            String method = null;
            String id = null;
            boolean inCall = !batch;
            boolean invalid = false;
            while (depth > 0) {
                token = parser.nextToken();
                if (token == null) {
                    return Inspection.problem(batch, calls, Detector.MALFORMED_JSON);
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth > maxDepth) {
                            return Inspection.problem(batch, calls, Detector.DEEP_JSON);
                        }
                        if (batch && depth == requestDepth) {
                            if (calls.size() >= maxBatch) {
                                return Inspection.problem(true, calls, Detector.OVERSIZED_BATCH);
                            }
                            if (token == JsonToken.START_ARRAY) {
                                invalid = true;
                            } else {
                                inCall = true;
                                method = null;
                                id = null;
                            }
                        } else if (depth == requestDepth + 1 && inCall && "method".equals(property)) {
                            invalid = true;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (depth == requestDepth && inCall) {
                            calls.add(new Call(method, id));
                            inCall = false;
                        }
                        depth--;
                    }
                    case PROPERTY_NAME -> {
                        if (depth == requestDepth) {
                            property = parser.currentName();
                        }
                    }
                    default -> {
                        if (batch && depth == 1) {
                            // A scalar element of a batch is not a request.
                            invalid = true;
                        } else if (depth == requestDepth && inCall) {
                            if ("method".equals(property)) {
                                if (token == JsonToken.VALUE_STRING) {
                                    method = parser.getString();
                                } else {
                                    invalid = true;
                                }
                            } else if ("id".equals(property)) {
                                id = token == JsonToken.VALUE_STRING ? quote(parser.getString()) : parser.getText();
                            }
                        }
                    }
                }
            }
            if (parser.nextToken() != null) {
                return Inspection.problem(batch, calls, Detector.MALFORMED_JSON);
            }
            if (batch && calls.isEmpty()) {
                invalid = true;
            }
            for (Call call : calls) {
                if (call.method() == null || call.method().isBlank()) {
                    invalid = true;
                }
            }
            return invalid
                    ? Inspection.problem(batch, calls, Detector.MALFORMED_JSON_RPC)
                    : new Inspection(batch, List.copyOf(calls), null);
        } catch (JacksonException e) {
            return Inspection.problem(batch, calls, Detector.MALFORMED_JSON);
        }
    }

    /** A JSON string literal for {@code value}. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
