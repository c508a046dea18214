package io.chainmonitor.rules.chain;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;

/**
 * The chain types the platform supports, read from YAML files: the bundled ones ({@code chains/*.yaml} on the
 * classpath, listed in {@code chains/index}) and any an operator adds. Immutable once loaded.
 */
public final class ChainCatalog {

    static final String INDEX = "chains/index";

    private final Map<String, ChainType> byId;

    private ChainCatalog(Map<String, ChainType> byId) {
        this.byId = byId;
    }

    /** The chain types bundled with Chain Monitor. */
    public static ChainCatalog builtIn() {
        return load(builtInSources());
    }

    /** The bundled chain types plus the operator's: each path is a chain type file or a directory of them. */
    public static ChainCatalog withBuiltIn(List<Path> operatorPaths) {
        List<ChainSource> sources = new ArrayList<>(builtInSources());
        operatorPaths.forEach(path -> sources.addAll(sourcesAt(path)));
        return load(sources);
    }

    /** Exactly the chain types in these sources, one per source; ids must be unique across them. */
    public static ChainCatalog load(List<ChainSource> sources) {
        Map<String, ChainType> byId = new TreeMap<>();
        Map<String, ChainSource> origin = new TreeMap<>();
        for (ChainSource source : sources) {
            ChainType type = ChainTypeReader.read(source);
            ChainSource first = origin.putIfAbsent(type.id(), source);
            if (first != null) {
                throw new ChainCatalogException(Reason.DUPLICATE_ID,
                        source.name() + ": id: chain type '" + type.id() + "' is already defined in " + first.name());
            }
            byId.put(type.id(), type);
        }
        return new ChainCatalog(byId);
    }

    /** Every chain type, sorted by id. */
    public List<ChainType> all() {
        return List.copyOf(byId.values());
    }

    /** The chain type with this id, if there is one. */
    public Optional<ChainType> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /** The chain type with this id; an {@link UnknownChainTypeException} naming the valid ids otherwise. */
    public ChainType require(String id) {
        return find(id).orElseThrow(() -> new UnknownChainTypeException(id, ids()));
    }

    /** The ids of every chain type, sorted. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    static List<ChainSource> builtInSources() {
        ClassLoader loader = ChainCatalog.class.getClassLoader();
        List<ChainSource> sources = new ArrayList<>();
        for (String file : indexedFiles(loader)) {
            URL url = loader.getResource("chains/" + file);
            if (url == null) {
                throw new ChainCatalogException(Reason.UNREADABLE, INDEX + ": lists chains/" + file
                        + ", which is not on the classpath");
            }
            sources.add(ChainSource.of(url));
        }
        return sources;
    }

    private static List<String> indexedFiles(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new ChainCatalogException(Reason.UNREADABLE, INDEX + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new ChainCatalogException(Reason.UNREADABLE, INDEX + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<ChainSource> sourcesAt(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(ChainSource.of(path));
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted(Comparator.naturalOrder()).map(ChainSource::of).toList();
        } catch (IOException e) {
            throw new ChainCatalogException(Reason.UNREADABLE, path + ": cannot be listed: " + e.getMessage(), e);
        }
    }
}
