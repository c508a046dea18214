package io.chainmonitor.spawner.runtime;

import java.time.Instant;

/** One line a node wrote, numbered from 1 per stream since the process started. */
public record OutputLine(Stream stream, long lineNumber, String text, Instant at) {

    /** Which output of the node the line came from. */
    public enum Stream {
        STDOUT, STDERR
    }
}
