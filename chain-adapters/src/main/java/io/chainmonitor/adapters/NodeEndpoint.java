package io.chainmonitor.adapters;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a node's RPC is and how to authenticate to it.
 *
 * @param wsUrl the JSON-RPC WebSocket endpoint, {@code null} where the node has none
 */
public record NodeEndpoint(URI rpcUrl, URI wsUrl, Credentials credentials) {

    public NodeEndpoint {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** How the client proves who it is to the node. */
    public sealed interface Credentials {

        /** No credentials. */
        record None() implements Credentials {
        }

        /** HTTP basic user and password. */
        record UserPassword(String user, String password) implements Credentials {

            public UserPassword {
                Objects.requireNonNull(user, "user");
                Objects.requireNonNull(password, "password");
            }

            @Override
            public String toString() {
                return "UserPassword[user=" + user + ", password=***]";
            }
        }

        /** Bitcoin Core's cookie file ({@code <datadir>/<network>/.cookie}), read again on each 401. */
        record Cookie(Path file) implements Credentials {

            public Cookie {
                Objects.requireNonNull(file, "file");
            }
        }
    }
}
