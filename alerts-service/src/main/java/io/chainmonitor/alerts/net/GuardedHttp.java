package io.chainmonitor.alerts.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import io.chainmonitor.support.net.OutboundPolicy;

/**
 * The one HTTP client of the channels. Its DNS resolver is the {@link OutboundPolicy}: a host is resolved once, every
 * address checked, and the connection made to those addresses, while the Host header and TLS SNI stay the URL's; no
 * redirect is followed, no proxy from the environment is used, nothing is retried here.
 */
public final class GuardedHttp implements AutoCloseable {

    private static final int MAX_BODY = 64 * 1024;

    private final CloseableHttpClient client;

    public GuardedHttp(OutboundPolicy policy, Duration connectTimeout, Duration readTimeout) {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout))
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PolicyResolver(policy))
                        .setDefaultConnectionConfig(connections)
                        .setMaxConnPerRoute(8)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout))
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** POSTs a JSON body; any answer is returned, a connection failure or refused destination is thrown. */
    public Reply postJson(URI url, Map<String, String> headers, String json) throws IOException {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        return client.execute(post, response -> {
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (Header header : response.getHeaders()) {
                answerHeaders.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
            }
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), MAX_BODY);
            return new Reply(response.getCode(), answerHeaders, body);
        });
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** An HTTP answer; header names in lower case. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record PolicyResolver(OutboundPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return policy.resolve(host).toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            // Only Kerberos/SPNEGO asks for it; answering the name as given avoids a second, unchecked lookup.
            return host;
        }
    }
}
