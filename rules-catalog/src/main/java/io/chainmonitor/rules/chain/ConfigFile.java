package io.chainmonitor.rules.chain;

import java.util.List;
import java.util.Objects;

/**
 * A configuration file the spawner writes into a replica's data directory before it starts (readable by the node's
 * user only), for settings that must not show on the command line, such as the RPC password. Its lines may use the
 * node's placeholders; the file is named in the arguments by {@code {configFile}}, its full path.
 */
public record ConfigFile(String name, List<String> lines) {

    public ConfigFile {
        Objects.requireNonNull(name, "name");
        lines = List.copyOf(lines);
    }
}
