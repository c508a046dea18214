package io.chainmonitor.adapters.rpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Objects;

import io.chainmonitor.adapters.NodeEndpoint.Credentials;

/**
 * The {@code Authorization} header a node's credentials give. A cookie file ({@code __cookie__:<secret>}) is read
 * when first needed and again after each 401, because the node writes a new one every time it starts.
 */
public final class RpcAuthorization {

    private final Credentials credentials;
    private volatile String header;

    public RpcAuthorization(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.header = credentials instanceof Credentials.UserPassword user
                ? basic(user.user() + ":" + user.password())
                : null;
    }

    /** The header value, {@code null} for no credentials or a cookie file that cannot be read (yet). */
    public String header() {
        if (header == null && credentials instanceof Credentials.Cookie cookie) {
            header = readCookie(cookie);
        }
        return header;
    }

    /** After the node refused the header: re-reads a cookie file; {@code true} when a retry may now pass. */
    public boolean refresh() {
        if (!(credentials instanceof Credentials.Cookie cookie)) {
            return false;
        }
        String fresh = readCookie(cookie);
        boolean changed = fresh != null && !fresh.equals(header);
        header = fresh;
        return changed;
    }

    private static String readCookie(Credentials.Cookie cookie) {
        try {
            String content = Files.readString(cookie.file(), StandardCharsets.UTF_8).strip();
            return content.isEmpty() ? null : basic(content);
        } catch (IOException e) {
            // The node may not have written it yet; the call goes out unauthenticated and is rejected with 401.
            return null;
        }
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
