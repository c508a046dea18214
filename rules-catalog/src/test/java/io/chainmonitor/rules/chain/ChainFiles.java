package io.chainmonitor.rules.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The bundled chain type files as text, for tests that edit them. */
final class ChainFiles {

    static final List<String> BUNDLED = List.of("anvil", "bitcoin", "ethereum", "litecoin");

    private ChainFiles() {
    }

    static String text(String id) {
        try (InputStream in = ChainFiles.class.getClassLoader().getResourceAsStream("chains/" + id + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("chains/" + id + ".yaml is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads one file's text under the name {@code id.yaml}. */
    static ChainType load(String name, String yaml) {
        return ChainCatalog.load(List.of(ChainSource.ofText(name, yaml))).all().getFirst();
    }

    /** The 1-based number of the first line that contains {@code fragment}. */
    static int lineOf(String yaml, String fragment) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains " + fragment);
    }
}
