package dev.stampede.logparser.format.gor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds {@code .gor} bytes for tests: texts as ISO-8859-1 (one byte per char), the separator as UTF-8. */
final class GorFile {

    static final byte[] SEPARATOR = "\n🐵🙈🙉\n".getBytes(StandardCharsets.UTF_8);
    /** The separator line alone, without the newline before it. */
    static final byte[] SEPARATOR_LINE = "🐵🙈🙉\n".getBytes(StandardCharsets.UTF_8);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A request entry as GoReplay 1.x writes it (latency -1). */
    GorFile request(String id, long timestampNs, String message) {
        return entry("1 " + id + " " + timestampNs + " -1", message);
    }

    /** A response entry of {@code type} 2 (original) or 3 (replayed). */
    GorFile response(int type, String id, long timestampNs, long latencyNs, String message) {
        return entry(type + " " + id + " " + timestampNs + " " + latencyNs, message);
    }

    /** An entry: the meta line, the message, and the separator (with the newline GoReplay puts before it). */
    GorFile entry(String meta, String message) {
        text(meta + "\n" + message);
        out.writeBytes(SEPARATOR);
        return this;
    }

    GorFile text(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    GorFile bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
