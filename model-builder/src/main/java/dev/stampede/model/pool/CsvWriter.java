package dev.stampede.model.pool;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 fields: a field holding a comma, a double quote, CR or LF, or starting or ending with a
 * space, is quoted, with quotes doubled. Records end with LF (readers take CRLF too). Unpaired UTF-16
 * surrogates, which UTF-8 cannot hold, become U+FFFD.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void record(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(fields[i], false);
        }
        out.write('\n');
    }

    /** A record whose first field is always quoted (so it cannot be read as a marker). */
    void recordQuotingFirst(String first, String second) throws IOException {
        field(first, true);
        out.write(',');
        field(second, false);
        out.write('\n');
    }

    private void field(String raw, boolean forceQuotes) throws IOException {
        String text = wellFormed(raw);
        if (!forceQuotes && !needsQuotes(text)) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    static boolean needsQuotes(String text) {
        if (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ')) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static String wellFormed(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!paired && fixed == null) {
                fixed = new StringBuilder(text.substring(0, i));
            }
            if (fixed != null) {
                fixed.append(paired ? c : '\uFFFD');
            }
        }
        return fixed == null ? text : fixed.toString();
    }
}
