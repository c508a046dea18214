package io.chainmonitor.spawner.binary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies a stream in small chunks while computing its SHA-256, and stops as soon as it grows past a limit. */
final class HashingCopy {

    private static final int CHUNK = 64 * 1024;

    private HashingCopy() {
    }

    /** What was copied: the lowercase hex SHA-256 and the number of bytes. */
    record Result(String sha256, long size) {
    }

    /** Thrown once more than {@code limit} bytes have been read; the output then holds an unusable prefix. */
    static final class LimitExceededException extends IOException {

        LimitExceededException(long limit) {
            super("the stream is longer than " + limit + " bytes");
        }
    }

    static Result copy(InputStream in, OutputStream out, long limit) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[CHUNK];
        long size = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            size += read;
            if (size > limit) {
                throw new LimitExceededException(limit);
            }
            digest.update(buffer, 0, read);
            out.write(buffer, 0, read);
        }
        return new Result(HexFormat.of().formatHex(digest.digest()), size);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
