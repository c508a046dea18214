package io.chainmonitor.spawner.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/** Sends a node's readiness probe once: a JSON-RPC call over HTTP that must answer with a result. */
public final class ReadinessProber {

    private static final Pattern RESULT = Pattern.compile("\"result\"\\s*:");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\\{");

    private final HttpClient http;
    private final Duration requestTimeout;

    public ReadinessProber(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /** True when the node answered the probe on loopback with a JSON-RPC result (not an error). */
    public boolean isReady(int rpcPort, ReadinessProbe probe) throws InterruptedException {
        return isReady(RunningReplica.LOOPBACK, rpcPort, probe);
    }

    /** True when the node answered the probe on {@code host} with a JSON-RPC result (not an error). */
    public boolean isReady(String host, int rpcPort, ReadinessProbe probe) throws InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + probe.method() + "\",\"params\":"
                + probe.paramsJson() + "}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + rpcPort + "/"))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (probe.auth() != null) {
            String credentials = probe.auth().user() + ":" + probe.auth().password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String answer = response.body();
            return response.statusCode() == 200 && RESULT.matcher(answer).find() && !ERROR.matcher(answer).find();
        } catch (IOException e) {
            return false;
        }
    }
}
