package io.chainmonitor.rules.wire;

import io.chainmonitor.rules.yaml.StrictMapping;

/**
 * What the wire listener observed about a request, before any signature is chosen; written {@code critical-method},
 * {@code deep-json}, … in the signature file. A signature matches detectors, RPC methods or HTTP paths.
 */
public enum Detector {
    /** A JSON-RPC method the chain catalog calls critical. */
    CRITICAL_METHOD,
    /** A JSON-RPC method the chain does not serve publicly. */
    UNRECOGNIZED_METHOD,
    /** Valid JSON that is not a JSON-RPC request (no method, wrong types). */
    MALFORMED_JSON_RPC,
    /** A body that is not JSON at all. */
    MALFORMED_JSON,
    /** JSON nested deeper than the listener allows. */
    DEEP_JSON,
    /** A batch longer than the listener allows. */
    OVERSIZED_BATCH,
    /** A body larger than the listener allows. */
    OVERSIZED_BODY,
    /** Request line or headers larger than the listener allows, or unparseable HTTP. */
    BAD_HTTP,
    /** An HTTP request on the RPC port that is not a JSON-RPC POST, such as {@code GET /.env}. */
    PATH_SCAN,
    /** A TLS ClientHello on a plain-text port. */
    TLS_ON_PLAINTEXT,
    /** HTTP spoken to the P2P port. */
    HTTP_ON_P2P,
    /** Bytes on the P2P port that do not start the chain's handshake. */
    P2P_GARBAGE,
    /** A request that did not complete within the idle timeout (slowloris). */
    SLOW_REQUEST,
    /** A source over its request-rate limit. */
    RATE_LIMITED,
    /** A connection from a blocked source. */
    BLOCKED_SOURCE,
    /** A binary WebSocket frame on the RPC port, where JSON-RPC is text. */
    WS_BINARY_FRAME,
    /** More open WebSocket subscriptions on one connection than the listener allows. */
    WS_SUBSCRIPTION_FLOOD;

    /** The name in the signature file, e.g. {@code deep-json}. */
    public String value() {
        return StrictMapping.yamlName(this);
    }
}
