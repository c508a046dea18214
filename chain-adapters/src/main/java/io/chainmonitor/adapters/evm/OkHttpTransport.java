package io.chainmonitor.adapters.evm;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.web3j.protocol.http.HttpService;

import io.chainmonitor.adapters.rpc.HttpTransport;

/** {@link HttpTransport} over the OkHttp client web3j's {@link HttpService} is built on, with its TLS settings. */
final class OkHttpTransport implements HttpTransport {

    private final String url;
    private final OkHttpClient client;

    OkHttpTransport(URI url, Duration timeout) {
        this.url = url.toString();
        OkHttpClient.Builder builder = HttpService.getOkHttpClientBuilder();
        // web3j adds a body logger when its logger is at DEBUG; it would log the Authorization header.
        builder.interceptors().clear();
        this.client = builder.connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout)
                .retryOnConnectionFailure(false).build();
    }

    @Override
    public HttpReply post(byte[] body, String authorization) throws IOException {
        Request.Builder request = new Request.Builder().url(url)
                .post(RequestBody.create(body, HttpService.JSON_MEDIA_TYPE));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            ResponseBody responseBody = response.body();
            return new HttpReply(response.code(), responseBody == null ? new byte[0] : responseBody.bytes());
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
