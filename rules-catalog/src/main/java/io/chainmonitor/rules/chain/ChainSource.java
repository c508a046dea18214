package io.chainmonitor.rules.chain;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** One chain type file to load: its name (used in every message) and its YAML bytes. */
public final class ChainSource {

    private final String name;
    private final byte[] content;

    private ChainSource(String name, byte[] content) {
        this.name = Objects.requireNonNull(name, "name");
        this.content = content.clone();
    }

    /** A file on disk, named by its path. */
    public static ChainSource of(Path file) {
        try {
            return new ChainSource(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ChainCatalogException(ChainCatalogException.Reason.UNREADABLE,
                    file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** A resource, e.g. from the classpath, named by its URL. */
    public static ChainSource of(URL url) {
        try (InputStream in = url.openStream()) {
            return new ChainSource(url.toString(), in.readAllBytes());
        } catch (IOException e) {
            throw new ChainCatalogException(ChainCatalogException.Reason.UNREADABLE,
                    url + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** A stream, read to its end but not closed, under the given name. */
    public static ChainSource of(String name, InputStream in) {
        try {
            return new ChainSource(name, in.readAllBytes());
        } catch (IOException e) {
            throw new ChainCatalogException(ChainCatalogException.Reason.UNREADABLE,
                    name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** YAML text under the given name. */
    public static ChainSource ofText(String name, String yaml) {
        return new ChainSource(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** The name used in messages: a path, a URL or what the caller chose. */
    public String name() {
        return name;
    }

    byte[] content() {
        return content.clone();
    }

    @Override
    public String toString() {
        return name;
    }
}
