package io.chainmonitor.spawner.runtime.docker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A Docker location's target: the engine's URL, {@code tcp://host:port} (plain HTTP) or {@code unix:///path/to/socket}.
 */
public record DockerHost(URI uri) {

    /** Parses a location's target; a clear {@link IllegalArgumentException} when it is no Docker host URL. */
    public static DockerHost parse(String target) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("a docker location needs its Docker host URL as target, e.g. "
                    + "tcp://127.0.0.1:2375 or unix:///var/run/docker.sock");
        }
        URI uri;
        try {
            uri = new URI(target.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("target '" + target + "' is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "tcp" -> {
                if (uri.getHost() == null || uri.getPort() < 1) {
                    throw new IllegalArgumentException(
                            "target '" + target + "' needs a host and a port, e.g. tcp://127.0.0.1:2375");
                }
                if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())) {
                    throw new IllegalArgumentException("target '" + target + "' must not have a path");
                }
            }
            case "unix" -> {
                if (uri.getPath() == null || !uri.getPath().startsWith("/") || uri.getPath().length() < 2) {
                    throw new IllegalArgumentException("target '" + target
                            + "' needs the socket's absolute path, e.g. unix:///var/run/docker.sock");
                }
            }
            default -> throw new IllegalArgumentException("target '" + target
                    + "' must be a tcp:// or unix:// Docker host URL, e.g. tcp://127.0.0.1:2375");
        }
        return new DockerHost(uri);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
