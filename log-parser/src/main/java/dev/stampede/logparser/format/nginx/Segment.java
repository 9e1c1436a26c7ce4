package dev.stampede.logparser.format.nginx;

import java.nio.charset.StandardCharsets;

/**
 * One piece of a compiled {@code log_format}: the variable, its decoders (of the line as a string and
 * of its bytes) and the literal text that follows it (empty for the last variable when the format
 * ends with it). The format's leading literal is kept apart.
 */
record Segment(String variable, Decoder decoder, ByteDecoder byteDecoder, String followingLiteral, boolean quoted) {

    /** The following literal as ISO-8859-1 bytes (the line's bytes are compared with it). */
    byte[] followingLiteralBytes() {
        return followingLiteral.getBytes(StandardCharsets.ISO_8859_1);
    }
}
