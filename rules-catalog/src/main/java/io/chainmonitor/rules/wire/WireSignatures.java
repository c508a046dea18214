package io.chainmonitor.rules.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.chainmonitor.events.Severity;
import io.chainmonitor.rules.yaml.StrictMapping;
import io.chainmonitor.rules.yaml.YamlErrors;
import io.chainmonitor.rules.yaml.YamlNode;
import io.chainmonitor.rules.yaml.YamlNode.Mapping;
import io.chainmonitor.rules.yaml.YamlProblem;
import io.chainmonitor.rules.yaml.YamlTree;

/**
 * The signature catalog and its classifier. Signatures are tried in file order: the first that names the request's
 * method (or path) wins, otherwise the first that lists the observation's detector. Every detector must be listed
 * by some signature, so that every observation is classified.
 */
public final class WireSignatures {

    /** Where the built-in catalog lives on the class path. */
    public static final String BUILT_IN = "wire/signatures.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
    private static final YamlErrors ERRORS = (problem, message, cause) -> new WireSignatureException(
            WireSignatureException.Reason.valueOf(problem.name()), message, cause);

    private final List<WireSignature> signatures;

    private WireSignatures(List<WireSignature> signatures) {
        this.signatures = List.copyOf(signatures);
    }

    /** The catalog shipped with the platform. */
    public static WireSignatures builtIn() {
        try (InputStream in = WireSignatures.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new WireSignatureException(WireSignatureException.Reason.UNREADABLE, BUILT_IN + " is missing",
                        null);
            }
            return read(BUILT_IN, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a signature file strictly: unknown keys, duplicate ids and uncovered detectors are errors. */
    public static WireSignatures read(String source, byte[] content) {
        Mapping root = YamlTree.read(source, content, "a wire signature file", ERRORS);
        StrictMapping file = StrictMapping.open(root, "", ERRORS, "signatures");
        List<YamlNode> items = file.items("signatures");
        List<WireSignature> signatures = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        EnumSet<Detector> covered = EnumSet.noneOf(Detector.class);
        for (int i = 0; i < items.size(); i++) {
            String path = "signatures[" + i + "]";
            if (!(items.get(i) instanceof Mapping mapping)) {
                throw ERRORS.at(YamlProblem.INVALID_VALUE, items.get(i).where(), path,
                        "expected a mapping, found " + items.get(i).kind());
            }
            WireSignature signature = signature(mapping, path);
            if (!ids.add(signature.id())) {
                throw ERRORS.at(YamlProblem.INVALID_VALUE, mapping.where(), path + ".id",
                        "duplicate signature id '" + signature.id() + "'");
            }
            covered.addAll(signature.detectors());
            signatures.add(signature);
        }
        EnumSet<Detector> missing = EnumSet.complementOf(EnumSet.copyOf(covered));
        if (!missing.isEmpty()) {
            throw new WireSignatureException(WireSignatureException.Reason.INCOMPLETE,
                    source + ": no signature lists the detectors " + missing.stream().map(Detector::value).toList()
                            + "; every observation must be classified",
                    null);
        }
        return new WireSignatures(signatures);
    }

    private static WireSignature signature(Mapping mapping, String path) {
        StrictMapping s = StrictMapping.open(mapping, path, ERRORS, "id", "category", "severity", "title",
                "description", "mitigation", "methods", "methodPrefixes", "paths", "detectors");
        Severity severity;
        String severityText = s.string("severity");
        try {
            severity = Severity.fromWire(severityText);
        } catch (IllegalArgumentException e) {
            throw ERRORS.at(YamlProblem.INVALID_VALUE, s.where("severity"),
                    s.path("severity"), "'" + severityText + "' is not one of extreme, high, medium, low");
        }
        List<Detector> detectors = new ArrayList<>();
        if (s.has("detectors")) {
            List<YamlNode> nodes = s.items("detectors");
            for (int i = 0; i < nodes.size(); i++) {
                detectors.add(StrictMapping.enumValue(nodes.get(i), s.path("detectors") + "[" + i + "]",
                        Detector.class, ERRORS));
            }
        }
        List<String> methods = s.has("methods") ? s.strings("methods", false) : List.of();
        List<String> prefixes = s.has("methodPrefixes") ? s.strings("methodPrefixes", false) : List.of();
        List<String> paths = s.has("paths") ? s.strings("paths", false) : List.of();
        if (methods.isEmpty() && prefixes.isEmpty() && paths.isEmpty() && detectors.isEmpty()) {
            throw ERRORS.at(YamlProblem.MISSING_FIELD, s.where(), path,
                    "a signature names at least one of methods, methodPrefixes, paths or detectors");
        }
        return new WireSignature(s.string("id", ID, "a lower-case dotted id"),
                s.enumValue("category", Category.class), severity, s.string("title"), s.string("description"),
                s.string("mitigation"), new HashSet<>(methods), prefixes, paths,
                detectors.isEmpty() ? EnumSet.noneOf(Detector.class) : EnumSet.copyOf(detectors));
    }

    /** Every signature, in file order. */
    public List<WireSignature> all() {
        return signatures;
    }

    /**
     * The signature for one observation: by method for method detectors, by path for path scans, else by detector.
     *
     * @param detector what was observed
     * @param method the JSON-RPC method, or null
     * @param path the HTTP path, or null
     */
    public WireSignature classify(Detector detector, String method, String path) {
        Objects.requireNonNull(detector, "detector");
        if (method != null && !method.isEmpty()) {
            String lower = method.toLowerCase(Locale.ROOT);
            for (WireSignature signature : signatures) {
                if (signature.matchesMethod(lower)) {
                    return signature;
                }
            }
        }
        if (path != null && detector == Detector.PATH_SCAN) {
            String lower = path.toLowerCase(Locale.ROOT);
            for (WireSignature signature : signatures) {
                if (signature.matchesPath(lower)) {
                    return signature;
                }
            }
        }
        for (WireSignature signature : signatures) {
            if (signature.detectors().contains(detector)) {
                return signature;
            }
        }
        // read() refuses a catalog that leaves a detector uncovered.
        throw new IllegalStateException("no signature for " + detector);
    }
}
