package io.chainmonitor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code @ConfigurationProperties} prefixes a service binds (its own and service-support's), each with the words
 * its record's components are named from, and the properties injected one by one ({@code ${chain-monitor...}}), to
 * tell a real environment variable from a misspelt one.
 */
final class ConfigurationKeys {

    private static final Pattern PREFIX = Pattern.compile("@ConfigurationProperties\\(\"([a-z0-9.-]+)\"\\)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][a-z0-9]*");
    private static final Pattern VALUE = Pattern.compile("\\$\\{(chain-monitor\\.[a-z0-9.-]+)[:}]");

    private final Map<String, String> wordsByEnvPrefix = new HashMap<>();
    private final Set<String> injectedValues = new HashSet<>();

    private ConfigurationKeys() {
    }

    /** The keys of one service module plus the shared ones of service-support. */
    static ConfigurationKeys of(ServiceModule module) {
        ConfigurationKeys keys = new ConfigurationKeys();
        Stream.concat(module.sources(),
                ServiceModule.javaFiles(ServiceModule.root().resolve("service-support/src/main/java")))
                .forEach(keys::scan);
        return keys;
    }

    private void scan(Path source) {
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher values = VALUE.matcher(text);
        while (values.find()) {
            injectedValues.add(toEnv(values.group(1)));
        }
        Matcher matcher = PREFIX.matcher(text);
        if (matcher.find()) {
            wordsByEnvPrefix.merge(toEnv(matcher.group(1)), words(text), (a, b) -> a + " " + b);
        }
    }

    /**
     * Why the environment variable binds to no known property, or empty when it does: its prefix names a
     * configuration record and every further word is a word of that record's components (relaxed binding drops the
     * dashes of kebab-case names, so words are compared without them).
     */
    Optional<String> problemWith(String variable) {
        if (injectedValues.contains(variable)) {
            return Optional.empty();
        }
        String prefix = wordsByEnvPrefix.keySet().stream()
                .filter(p -> variable.equals(p) || variable.startsWith(p + "_"))
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .orElse(null);
        if (prefix == null) {
            return Optional
                    .of(variable + " starts with no configuration prefix of the service " + wordsByEnvPrefix.keySet());
        }
        String known = wordsByEnvPrefix.get(prefix);
        for (String word : variable.substring(prefix.length()).split("_")) {
            if (!word.isEmpty() && !word.chars().allMatch(Character::isDigit)
                    && !known.contains(" " + word.toLowerCase(Locale.ROOT) + " ")) {
                return Optional.of(variable + ": '" + word + "' is no component of the records under " + prefix);
            }
        }
        return Optional.empty();
    }

    /** {@code chain-monitor.wire-listener} → {@code CHAIN_MONITOR_WIRE_LISTENER}, as Spring's relaxed binding reads it. */
    static String toEnv(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String words(String source) {
        StringBuilder words = new StringBuilder(" ");
        Matcher matcher = Pattern.compile("\\b[a-z][A-Za-z0-9]*\\b").matcher(source);
        while (matcher.find()) {
            Matcher parts = WORD.matcher(matcher.group());
            while (parts.find()) {
                words.append(parts.group().toLowerCase(Locale.ROOT)).append(' ');
            }
        }
        return words.toString();
    }
}
