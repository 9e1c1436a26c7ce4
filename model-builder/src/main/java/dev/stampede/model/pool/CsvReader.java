package dev.stampede.model.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records, knowing the line each starts on and which fields were quoted. Accepts LF or CRLF
 * line ends, skips a UTF-8 byte-order mark and blank lines, and refuses invalid UTF-8, an unterminated
 * quote and text after a closing quote, naming the file and line.
 */
final class CsvReader implements AutoCloseable {

    /** One field: its text and whether it was written in quotes. */
    record Field(String text, boolean quoted) {}

    /** One record and the 1-based line it starts on. */
    record Row(int line, List<Field> fields) {

        String text(int index) {
            return fields.get(index).text();
        }
    }

    private final Path file;
    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;

    private CsvReader(Path file, Reader in) {
        this.file = file;
        this.in = in;
    }

    static CsvReader open(Path file) throws IOException {
        InputStream bytes = Files.newInputStream(file);
        Reader reader = new InputStreamReader(
                bytes,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new CsvReader(file, new BufferedReader(reader));
    }

    Path file() {
        return file;
    }

    /** The next non-blank record, or null at the end of the file. */
    Row next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            if (c == '\n' || c == '\r') {
                line++;
                continue;
            }
            if (c == '\uFEFF' && line == 1) {
                continue;
            }
            pushedBack = c;
            return row();
        }
    }

    private Row row() throws IOException {
        int start = line;
        List<Field> fields = new ArrayList<>();
        while (true) {
            fields.add(peek() == '"' ? quoted(start) : plain());
            int c = read();
            if (c == ',') {
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            if (c != -1) {
                line++;
            }
            return new Row(start, List.copyOf(fields));
        }
    }

    /** An unquoted field: up to a comma or a line end (LF, CRLF or a lone CR), which stays unread. */
    private Field plain() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c = peek(); c != -1 && c != ',' && c != '\n' && c != '\r'; c = peek()) {
            if (c == '"') {
                throw error(line, "a quote inside an unquoted field; quote the field and double the quote");
            }
            text.append((char) read());
        }
        return new Field(text.toString(), false);
    }

    private Field quoted(int recordLine) throws IOException {
        int opened = line;
        read();
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = read();
            if (c == -1) {
                throw error(opened, "a quoted field is not closed before the end of the file");
            }
            if (c == '\n') {
                line++;
            }
            if (c != '"') {
                text.append((char) c);
                continue;
            }
            if (peek() == '"') {
                text.append((char) read());
                continue;
            }
            int after = peek();
            if (after != -1 && after != ',' && after != '\n' && after != '\r') {
                throw error(line, "text after a closing quote (record starting on line " + recordLine + ")");
            }
            return new Field(text.toString(), true);
        }
    }

    MalformedFileException error(int atLine, String problem) {
        return new MalformedFileException(file, atLine, problem);
    }

    private int peek() throws IOException {
        if (pushedBack == -2) {
            pushedBack = decode();
        }
        return pushedBack;
    }

    private int read() throws IOException {
        int c = peek();
        pushedBack = -2;
        return c;
    }

    private int decode() throws IOException {
        try {
            return in.read();
        } catch (CharacterCodingException e) {
            throw error(line, "not valid UTF-8");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
