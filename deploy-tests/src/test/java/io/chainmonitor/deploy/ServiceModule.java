package io.chainmonitor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/** A service module as its own configuration file describes it: name, ports and the environment it reads. */
record ServiceModule(String name, int port, int managementPort, Set<String> placeholders, Path directory) {

    /** Every deployable service, as the deployment files must list them. */
    static final List<String> NAMES = List.of("spawner-service", "chain-watcher-service", "wire-listener-service",
            "health-service", "reporter-service", "alerts-service", "action-service", "dashboard-ui");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[^}]*)?}");

    /** The checkout's root, as Maven passes it; the module's directory when run from an IDE. */
    static Path root() {
        String configured = System.getProperty("chain-monitor.deploy.root");
        return Path.of(configured != null ? configured : "..").toAbsolutePath().normalize();
    }

    static List<ServiceModule> all() {
        return NAMES.stream().map(ServiceModule::read).toList();
    }

    /** Reads {@code <module>/src/main/resources/<module>.yml}, the file the service itself starts from. */
    static ServiceModule read(String name) {
        Path directory = root().resolve(name);
        Path file = directory.resolve("src/main/resources/" + name + ".yml");
        try {
            String text = Files.readString(file);
            Map<String, Object> yaml = new Yaml().load(text);
            int port = (Integer) path(yaml, "server", "port");
            int managementPort = (Integer) path(yaml, "management", "server", "port");
            Set<String> placeholders = new LinkedHashSet<>();
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                placeholders.add(matcher.group(1));
            }
            return new ServiceModule(name, port, managementPort, placeholders, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java sources of this module's main code. */
    Stream<Path> sources() {
        return javaFiles(directory.resolve("src/main/java"));
    }

    static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
                throw new AssertionError("no " + String.join(".", keys) + " in " + map.keySet());
            }
            current = ((Map<String, Object>) m).get(key);
        }
        return current;
    }
}
