package io.chainmonitor.adapters.rpc;

import java.io.IOException;

/**
 * Posts one JSON-RPC body to a node and returns what came back. It throws only when no HTTP answer arrived
 * (connection refused or dropped, timeout); every HTTP status is returned for {@link JsonRpcClient} to judge.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Posts {@code body}; {@code authorization} is the {@code Authorization} header value or {@code null}.
     *
     * @throws java.net.http.HttpTimeoutException or {@link java.io.InterruptedIOException} when the answer took longer
     *             than the request timeout
     */
    HttpReply post(byte[] body, String authorization) throws IOException;

    @Override
    void close();

    /** An HTTP answer: its status and body. */
    record HttpReply(int status, byte[] body) {
    }
}
