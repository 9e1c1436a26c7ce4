package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The nginx parser's fast path: splits a line's bytes at the format's literals and decodes each value
 * from the bytes, making strings only for the values a record keeps. It answers only "parsed": for a
 * line it would reject, or a value it leaves to a String decoder's whole-line rules, it answers false
 * and {@link NginxLineParser} parses the line as a string, which then decides (and says why).
 * Single-threaded.
 */
final class InPlaceParser {

    private final byte[] leading;
    private final ByteDecoder[] decoders;
    private final byte[][] literals;
    private final LineState state = new LineState();
    private final ByteLine line = new ByteLine();

    private InPlaceParser(NginxFormat format) {
        this.leading = format.leadingLiteral().getBytes(StandardCharsets.ISO_8859_1);
        List<Segment> segments = format.segments();
        this.decoders = new ByteDecoder[segments.size()];
        this.literals = new byte[segments.size()][];
        for (int i = 0; i < decoders.length; i++) {
            decoders[i] = segments.get(i).byteDecoder();
            literals[i] = segments.get(i).followingLiteralBytes();
        }
    }

    /**
     * A fast path for {@code format}, or null when its literal text has a character beyond ISO-8859-1,
     * which no line can match (the String path rejects such lines; bytes could not even compare).
     */
    static InPlaceParser forFormat(NginxFormat format) {
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(format.format())) {
            return null;
        }
        return new InPlaceParser(format);
    }

    /** Parses {@code data[start, end)} into the reset {@code record}; false when the String path must. */
    boolean parse(byte[] data, int start, int end, RequestRecord record) {
        line.of(data, start, end);
        if (isBlank(data, start, end) || !startsWith(data, start, end, leading)) {
            return false;
        }
        state.reset();
        int pos = start + leading.length;
        for (int i = 0; i < decoders.length; i++) {
            byte[] literal = literals[i];
            int valueEnd = line.valueEnd(pos, literal);
            if (valueEnd < 0 || !decoders[i].decode(line, pos, valueEnd, record, state)) {
                return false;
            }
            pos = valueEnd + literal.length;
        }
        return pos == end && state.resolve(record) == null;
    }

    /** The line last given to {@link #parse}, as a string. */
    String lineText() {
        return line.string();
    }

    /** {@code String.isBlank} of the line: empty or only whitespace (as Java defines it) bytes. */
    private static boolean isBlank(byte[] data, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace((char) (data[i] & 0xFF))) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] data, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
