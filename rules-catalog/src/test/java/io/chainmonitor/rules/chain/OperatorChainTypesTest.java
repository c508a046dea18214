package io.chainmonitor.rules.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator adds chain types by pointing the catalog at files or directories of them. */
class OperatorChainTypesTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryOfChainTypeFilesIsAddedToTheBuiltInOnes() throws IOException {
        Files.writeString(dir.resolve("dogecoin.yaml"), dogecoin());
        Files.writeString(dir.resolve("notes.txt"), "not a chain type");

        ChainCatalog catalog = ChainCatalog.withBuiltIn(List.of(dir));

        assertThat(catalog.ids()).containsExactly("anvil", "bitcoin", "dogecoin", "ethereum", "litecoin");
        assertThat(catalog.require("dogecoin").node().executable()).isEqualTo("dogecoind");
        assertThat(catalog.require("dogecoin").p2p().magicFor("main")).hasValue("c0c0c0c0");
    }

    @Test
    void anOperatorFileMayNotReuseABuiltInId() throws IOException {
        Path file = dir.resolve("my-litecoin.yaml");
        Files.writeString(file, ChainFiles.text("litecoin"));

        assertThatThrownBy(() -> ChainCatalog.withBuiltIn(List.of(file)))
                .isInstanceOfSatisfying(ChainCatalogException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_ID))
                .hasMessageStartingWith(file + ": id: chain type 'litecoin' is already defined in ")
                .hasMessageEndingWith("chains/litecoin.yaml");
    }

    @Test
    void aBrokenOperatorFileIsNamedByItsPath() throws IOException {
        Path file = dir.resolve("dogecoin.yaml");
        Files.writeString(file, dogecoin().replace("family: bitcoin", "family: scrypt"));

        assertThatThrownBy(() -> ChainCatalog.withBuiltIn(List.of(file))).isInstanceOf(ChainCatalogException.class)
                .hasMessageStartingWith(file + ":4:");
    }

    @Test
    void aMissingOperatorFileIsUnreadable() {
        Path file = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> ChainCatalog.withBuiltIn(List.of(file)))
                .isInstanceOfSatisfying(ChainCatalogException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessageStartingWith(file + ": cannot be read");
    }

    private static String dogecoin() {
        return ChainFiles.text("litecoin").replace("id: litecoin", "id: dogecoin")
                .replace("executable: litecoind", "executable: dogecoind")
                .replace("main: \"fbc0b6db\"", "main: \"c0c0c0c0\"");
    }
}
