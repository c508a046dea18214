package io.chainmonitor.spawner.binary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Bytes of node binaries as uploads carry them: ELF headers, scripts and archives, built in memory. */
public final class NodeFiles {

    public static final int EM_X86_64 = 0x3e;
    public static final int EM_AARCH64 = 0xb7;
    public static final int EM_386 = 0x03;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_REL = 1;

    private NodeFiles() {
    }

    /** A 64-bit little-endian ELF file: the real 64-byte header layout, followed by some payload. */
    public static byte[] elf(int type, int machine) {
        return elf(2, type, machine);
    }

    public static byte[] elf(int elfClass, int type, int machine) {
        ByteBuffer header = ByteBuffer.allocate(64 + 256).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[]{0x7f, 'E', 'L', 'F', (byte) elfClass, 1, 1, 0});
        header.position(16);
        header.putShort((short) type);
        header.putShort((short) machine);
        header.putInt(1); // e_version
        header.putLong(0x401000); // e_entry
        header.putLong(64); // e_phoff
        header.position(52);
        header.putShort((short) 64); // e_ehsize
        for (int i = 64; i < header.capacity(); i++) {
            header.put(i, (byte) i);
        }
        return header.array();
    }

    /** The lowercase hex SHA-256 of {@code content}. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] x86Executable() {
        return elf(ET_DYN, EM_X86_64);
    }

    public static byte[] script() {
        return "#!/bin/sh\nexec sleep 3600\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] tar(Map<String, byte[]> files) {
        return archive(out -> {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                writeTar(tar, files);
            }
        });
    }

    public static byte[] tarGz(Map<String, byte[]> files) {
        return archive(out -> {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
                writeTar(tar, files);
            }
        });
    }

    public static byte[] tarXz(Map<String, byte[]> files) {
        return archive(out -> {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(out))) {
                writeTar(tar, files);
            }
        });
    }

    public static byte[] zip(Map<String, byte[]> files) {
        return archive(out -> {
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    zip.putArchiveEntry(new ZipArchiveEntry(file.getKey()));
                    zip.write(file.getValue());
                    zip.closeArchiveEntry();
                }
            }
        });
    }

    private static void writeTar(TarArchiveOutputStream tar, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
            entry.setSize(file.getValue().length);
            entry.setMode(0755);
            tar.putArchiveEntry(entry);
            tar.write(file.getValue());
            tar.closeArchiveEntry();
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] archive(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writer.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
