package io.chainmonitor.spawner.binary;

/** What an uploaded node binary is, told from its bytes. */
enum BinaryKind {
    ELF, SCRIPT, TAR, TAR_GZIP, TAR_XZ, ZIP
}
