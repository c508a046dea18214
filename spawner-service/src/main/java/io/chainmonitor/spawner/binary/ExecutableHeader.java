package io.chainmonitor.spawner.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Tells a runnable program from its first bytes: a 64-bit x86-64 or AArch64 ELF executable, or a shebang script. */
final class ExecutableHeader {

    /** Enough bytes to decide. */
    static final int LENGTH = 64;

    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final int ELF_CLASS_64 = 2;
    private static final int ET_EXEC = 2;
    private static final int ET_DYN = 3;
    private static final int EM_X86_64 = 0x3e;
    private static final int EM_AARCH64 = 0xb7;

    private ExecutableHeader() {
    }

    /** The kind, or an unsupported inspection that says why. */
    static Inspection inspect(byte[] head) {
        if (head.length >= 4 && Arrays.equals(head, 0, 4, ELF_MAGIC, 0, 4)) {
            return elf(head);
        }
        if (head.length > 2 && head[0] == '#' && head[1] == '!') {
            return script(head);
        }
        return Inspection.unsupported("it is neither an ELF executable nor a script starting with #!");
    }

    private static Inspection elf(byte[] head) {
        if (head.length < 20) {
            return Inspection.unsupported("its ELF header is truncated");
        }
        if (head[4] != ELF_CLASS_64) {
            return Inspection.unsupported("it is a 32-bit ELF file; only 64-bit executables run");
        }
        boolean littleEndian = head[5] == 1;
        int type = u16(head, 16, littleEndian);
        int machine = u16(head, 18, littleEndian);
        // Position-independent executables are ET_DYN, like most distribution builds of node software.
        if (type != ET_EXEC && type != ET_DYN) {
            return Inspection.unsupported("it is an ELF file of type " + type + ", not an executable");
        }
        if (machine != EM_X86_64 && machine != EM_AARCH64) {
            return Inspection.unsupported("it is an ELF executable for machine " + machine
                    + ", not x86-64 or aarch64");
        }
        return new Inspection(BinaryKind.ELF, null, null);
    }

    private static Inspection script(byte[] head) {
        String first = new String(head, 2, head.length - 2, StandardCharsets.US_ASCII).stripLeading();
        if (!first.startsWith("/")) {
            return Inspection.unsupported("its #! line does not name an interpreter by absolute path");
        }
        return new Inspection(BinaryKind.SCRIPT, null, null);
    }

    private static int u16(byte[] bytes, int offset, boolean littleEndian) {
        int a = bytes[offset] & 0xff;
        int b = bytes[offset + 1] & 0xff;
        return littleEndian ? a | b << 8 : a << 8 | b;
    }
}
