package io.chainmonitor.wirelistener.record;

import java.nio.charset.StandardCharsets;

/** Makes a safe, human-readable excerpt of raw bytes: printable ASCII as is, everything else escaped. */
public final class Excerpts {

    /** How many bytes of a request an excerpt looks at. */
    public static final int MAX_BYTES = 512;

    private Excerpts() {
    }

    /** The first {@link #MAX_BYTES} bytes of {@code raw}, escaped. */
    public static String of(byte[] raw, int offset, int length) {
        int n = Math.min(length, MAX_BYTES);
        StringBuilder out = new StringBuilder(n + 16);
        for (int i = 0; i < n; i++) {
            int b = raw[offset + i] & 0xff;
            if (b == '\\') {
                out.append("\\\\");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\r') {
                out.append("\\r");
            } else if (b == '\t') {
                out.append("\\t");
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        if (length > n) {
            out.append("…(").append(length).append(" bytes)");
        }
        return out.toString();
    }

    /** An excerpt of a string's UTF-8 bytes. */
    public static String of(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        return of(raw, 0, raw.length);
    }
}
