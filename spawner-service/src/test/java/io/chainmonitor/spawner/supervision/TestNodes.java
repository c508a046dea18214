package io.chainmonitor.spawner.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the spawner's ITs need of a node program beyond finding it ({@code TestBinaries} in service-support). */
public final class TestNodes {

    // Debian installs litecoind as a shell wrapper that ends in exec <its library directory>/litecoind "$@"
    private static final Pattern EXEC = Pattern.compile("(?m)^exec (/\\S+) \"\\$@\"$");

    private TestNodes() {
    }

    /** The node's own executable file: symbolic links resolved and a distribution's {@code exec} wrapper followed. */
    public static Path realExecutable(Path program) {
        try {
            Path real = program.toRealPath();
            byte[] content = Files.readAllBytes(real);
            if (content.length < 2 || content[0] != '#' || content[1] != '!') {
                return real;
            }
            Matcher wrapped = EXEC.matcher(new String(content, StandardCharsets.UTF_8));
            return wrapped.find() ? realExecutable(Path.of(wrapped.group(1))) : real;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
