package io.chainmonitor.support.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a server's log, to put into an error message. */
final class LogTail {

    private static final int LINES = 30;

    private LogTail() {
    }

    static String of(Path log) {
        if (!Files.isRegularFile(log)) {
            return "(no log at " + log + ")";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
            return "last lines of " + log + ":\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
