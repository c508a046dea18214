package io.chainmonitor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Micrometer meter names the services register, as Prometheus spells them (dots become underscores). */
final class MeterNames {

    private static final Pattern REGISTERED = Pattern.compile(
            "(?:Counter|Timer|Gauge|DistributionSummary)\\.builder\\(\"([a-z0-9.]+)\"|\\.(?:counter|timer|gauge)\\(\"([a-z0-9.]+)\""
                    + "|static final String METRIC = \"([a-z0-9.]+)\"");

    private MeterNames() {
    }

    static Set<String> inSources() {
        Set<String> names = new TreeSet<>();
        Path root = ServiceModule.root();
        Stream.concat(ServiceModule.NAMES.stream(), Stream.of("service-support"))
                .flatMap(module -> ServiceModule.javaFiles(root.resolve(module).resolve("src/main/java")))
                .forEach(source -> {
                    try {
                        Matcher matcher = REGISTERED.matcher(Files.readString(source));
                        while (matcher.find()) {
                            for (int group = 1; group <= matcher.groupCount(); group++) {
                                if (matcher.group(group) != null) {
                                    names.add(matcher.group(group).replace('.', '_'));
                                }
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return names;
    }
}
