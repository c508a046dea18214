package io.chainmonitor.spawner.binary;

/**
 * What {@link BinaryInspector} found.
 *
 * @param kind the content type
 * @param entryPoint for an archive, the path of the node executable inside it; absent otherwise
 * @param detail why it is unsupported, when {@code kind} is absent
 */
record Inspection(BinaryKind kind, String entryPoint, String detail) {

    static Inspection unsupported(String detail) {
        return new Inspection(null, null, detail);
    }

    boolean supported() {
        return kind != null;
    }
}
