package io.chainmonitor.rules.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.chainmonitor.rules.model.CompositeRule;
import io.chainmonitor.rules.model.Grouping;
import io.chainmonitor.rules.model.Rule;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md has one row per default rule, with its kind and severity. */
class RulesDocumentationTest {

    private static final Path DOC = Path.of("..", "docs", "rules.md");

    static Stream<Rule> everyDefaultRule() {
        return DefaultPacks.NAMES.stream().flatMap(name -> DefaultPacks.named(name).rules().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDefaultRule")
    void everyDefaultRuleHasItsRow(Rule rule) throws IOException {
        List<String> rows = Files.readAllLines(DOC).stream().filter(line -> line.startsWith("| `" + rule.id()
                + "` |")).toList();

        assertThat(rows).as("rows for %s in %s", rule.id(), DOC).hasSize(1);
        String[] cells = rows.get(0).split(" \\| ");
        String kind = rule instanceof CompositeRule composite
                ? "composite (`" + composite.attack().wireName() + "`)"
                : rule.kind();
        assertThat(cells[1]).isEqualTo(kind);
        assertThat(cells[4]).isEqualTo(rule.header().severity().wireName());
        assertThat(cells[5]).startsWith(rule.header().description());
        if (rule instanceof CompositeRule composite) {
            assertThat(cells[3]).contains("within " + composite.within())
                    .matches(composite.header().groupBy() == Grouping.REPLICA
                            ? ".*, on one replica"
                            : "(?!.*on one replica).*");
        }
    }
}
