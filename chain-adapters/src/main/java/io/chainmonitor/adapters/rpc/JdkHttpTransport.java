package io.chainmonitor.adapters.rpc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link HttpTransport} over the JDK's {@link HttpClient}, HTTP/1.1 as node RPC servers speak it. */
public final class JdkHttpTransport implements HttpTransport {

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    public JdkHttpTransport(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        // HTTP/1.1 only: an h2c upgrade offer confuses the small HTTP servers nodes embed.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public HttpReply post(byte[] body, String authorization) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new HttpReply(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + url);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
