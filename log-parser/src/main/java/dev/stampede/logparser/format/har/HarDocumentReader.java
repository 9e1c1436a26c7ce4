package dev.stampede.logparser.format.har;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.stampede.logparser.DocumentFormat.EntrySink;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import java.io.IOException;

/**
 * Walks one HAR document, {@code {"log": {"entries": [...]}}}, telling the sink about each entry as it
 * is read. Malformed JSON is not caught here: it ends the document, and {@link HarFormat} reports it at
 * {@link #lineOf}. Single-threaded, one per read.
 */
final class HarDocumentReader {

    private final JsonParser parser;
    private final String source;
    private final EntrySink sink;
    private boolean sawEntries;
    private long entryLine;
    private long lastEntryLine;

    HarDocumentReader(JsonParser parser, String source, EntrySink sink) {
        this.parser = parser;
        this.source = source;
        this.sink = sink;
    }

    /** Reads the document. Throws Jackson's exceptions for malformed JSON, after the entries before it. */
    void read() throws IOException {
        parser.nextToken();
        boolean object = JsonFields.object(parser, (name, value) -> {
            if (name.equals("log")) {
                JsonFields.object(value, (field, v) -> {
                    if (field.equals("entries")) {
                        sawEntries |= JsonFields.array(v, this::entry);
                    }
                });
            }
        });
        if (!object || !sawEntries) {
            sink.rejected(
                    1,
                    "",
                    new Rejection(
                            Rejection.Reason.BAD_JSON,
                            null,
                            0,
                            object ? "not a HAR: no log.entries array" : "not a HAR: the document is not an object"));
        }
    }

    /**
     * Where to report malformed JSON: the line of the entry it broke off in; line 1 before any entry
     * (the file as a whole is not a HAR); else where the parser stopped, which is after every entry
     * already told, so the sink still hears about the document in order.
     */
    long lineOf(IOException malformed) {
        if (entryLine > 0) {
            return entryLine;
        }
        if (lastEntryLine == 0) {
            return 1;
        }
        long stopped = malformed instanceof JsonProcessingException json && json.getLocation() != null
                ? json.getLocation().getLineNr()
                : 0;
        return Math.max(stopped, lastEntryLine);
    }

    private void entry(JsonParser element) throws IOException {
        entryLine = element.currentTokenLocation().getLineNr();
        lastEntryLine = entryLine;
        if (element.currentToken() != JsonToken.START_OBJECT) {
            element.skipChildren();
            sink.rejected(
                    entryLine, "", Rejection.of(Rejection.Reason.FORMAT_MISMATCH, "an entry that is not an object"));
            entryLine = 0;
            return;
        }
        HarEntry entry = new HarEntry();
        HarEntryReader.read(element, entry);
        RequestRecord record = new RequestRecord();
        Rejection why = HarRecords.toRecord(entry, record);
        if (why == null) {
            sink.parsed(record.source(source, entryLine));
        } else {
            sink.rejected(entryLine, entry.summary(), why);
        }
        entryLine = 0;
    }
}
