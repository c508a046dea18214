package io.chainmonitor.spawner.binary;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Tells what an uploaded file is from its bytes, never its name: an ELF executable, a shebang script, or a tar
 * (plain, gzip or xz) or zip archive holding the chain's node executable, itself an ELF executable or a script.
 */
final class BinaryInspector {

    private static final int HEAD = 512;
    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] USTAR = "ustar".getBytes(StandardCharsets.US_ASCII);
    private static final int USTAR_OFFSET = 257;
    /** The most entries a node's archive may have. */
    static final int MAX_ENTRIES = 20_000;

    private BinaryInspector() {
    }

    /** Inspects {@code file}; an archive must hold a regular file named {@code executable}. */
    static Inspection inspect(Path file, String executable) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        if (startsWith(head, ZIP)) {
            return archive(BinaryKind.ZIP, file, executable);
        }
        if (startsWith(head, GZIP)) {
            return archive(BinaryKind.TAR_GZIP, file, executable);
        }
        if (startsWith(head, XZ)) {
            return archive(BinaryKind.TAR_XZ, file, executable);
        }
        if (isTar(head)) {
            return archive(BinaryKind.TAR, file, executable);
        }
        Inspection program = ExecutableHeader.inspect(Arrays.copyOf(head, Math.min(head.length,
                ExecutableHeader.LENGTH)));
        return program.supported()
                ? program
                : Inspection.unsupported("the upload is not supported: "
                        + program.detail() + ", nor a tar, tar.gz, tar.xz or zip archive");
    }

    private static Inspection archive(BinaryKind kind, Path file, String executable) throws IOException {
        Inspection found = null;
        int count = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                ArchiveInputStream<?> entries = open(kind, raw)) {
            ArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) {
                    return Inspection.unsupported("the archive has more than " + MAX_ENTRIES + " entries");
                }
                String unsafe = unsafe(entry);
                if (unsafe != null) {
                    return Inspection.unsupported("the archive's entry '" + entry.getName() + "' " + unsafe);
                }
                if (found == null && !entry.isDirectory() && executable.equals(fileName(entry.getName()))) {
                    Inspection program = ExecutableHeader.inspect(entries.readNBytes(ExecutableHeader.LENGTH));
                    if (!program.supported()) {
                        return Inspection.unsupported("the archive's " + entry.getName() + " is not runnable: "
                                + program.detail());
                    }
                    found = new Inspection(kind, entry.getName(), null);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Inspection.unsupported("the " + kind.name().toLowerCase(Locale.ROOT)
                    + " archive cannot be read: " + e.getMessage());
        }
        return found != null
                ? found
                : Inspection.unsupported("the archive holds no file named " + executable + ", the chain's node");
    }

    /**
     * Why the entry may not be in a node's archive (its path, or the target of its link, leaves the archive's tree),
     * or null when it is fine. Unpacking checks paths again and skips links; an archive that tries either is refused
     * on upload, before anything is kept.
     */
    static String unsafe(ArchiveEntry entry) {
        String name = entry.getName();
        if (leaves(Path.of(""), name)) {
            return "would be unpacked outside its directory";
        }
        if (entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink())) {
            Path parent = Path.of(name).getParent();
            Path from = tar.isSymbolicLink() && parent != null ? parent : Path.of("");
            if (leaves(from, tar.getLinkName())) {
                return "links to '" + tar.getLinkName() + "', outside its directory";
            }
        }
        return null;
    }

    private static boolean leaves(Path from, String name) {
        return name.startsWith("/") || from.resolve(name).normalize().startsWith("..");
    }

    static ArchiveInputStream<?> open(BinaryKind kind, InputStream raw) throws IOException {
        return switch (kind) {
            case ZIP -> new ZipArchiveInputStream(raw);
            case TAR_GZIP -> new TarArchiveInputStream(new GzipCompressorInputStream(raw));
            case TAR_XZ -> new TarArchiveInputStream(new XZCompressorInputStream(raw));
            default -> new TarArchiveInputStream(raw);
        };
    }

    private static String fileName(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static boolean isTar(byte[] head) {
        return head.length >= USTAR_OFFSET + USTAR.length
                && Arrays.equals(head, USTAR_OFFSET, USTAR_OFFSET + USTAR.length, USTAR, 0, USTAR.length);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
