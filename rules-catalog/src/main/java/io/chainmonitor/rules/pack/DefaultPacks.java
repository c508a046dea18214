package io.chainmonitor.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.RuleSetException;
import io.chainmonitor.rules.yaml.RuleSetReader;

/**
 * The default rule packs, {@code rules/pow.yaml} and {@code rules/pos.yaml} on the classpath; a project starts from the
 * pack its chain type names ({@link ChainType#rulePack()}). Each pack is read once.
 */
public final class DefaultPacks {

    /** The pack names, as chain types name them. */
    public static final List<String> NAMES = List.of("pow", "pos");

    private static final RuleSetDefinition POW = load("pow");
    private static final RuleSetDefinition POS = load("pos");

    private DefaultPacks() {
    }

    /** The pack a project of this chain type starts from. */
    public static RuleSetDefinition forChainType(ChainType type) {
        return named(type.rulePack());
    }

    /** The pack with this name ({@code pow} or {@code pos}). */
    public static RuleSetDefinition named(String name) {
        return switch (name) {
            case "pow" -> POW;
            case "pos" -> POS;
            default -> throw new IllegalArgumentException("no default rule pack '" + name + "'; packs: "
                    + String.join(", ", NAMES));
        };
    }

    /** The YAML text of a pack, as shipped (with its comments). */
    public static String yaml(String name) {
        named(name);
        return text(name);
    }

    private static String text(String name) {
        String resource = "rules/" + name + ".yaml";
        try (InputStream in = DefaultPacks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read", e);
        }
    }

    private static RuleSetDefinition load(String name) {
        try {
            return RuleSetReader.read("rules/" + name + ".yaml", text(name));
        } catch (RuleSetException e) {
            throw new IllegalStateException("the bundled pack is invalid: " + e.getMessage(), e);
        }
    }
}
