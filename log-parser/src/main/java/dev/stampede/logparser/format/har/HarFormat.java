package dev.stampede.logparser.format.har;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.stampede.logparser.DocumentFormat;
import dev.stampede.logparser.Rejection;
import java.io.IOException;
import java.io.InputStream;

/**
 * HAR 1.2 ({@code .har}, a browser's or proxy's "save all as HAR"): each {@code log.entries[]} element
 * becomes a record. Start time from {@code startedDateTime}; method, host and path-and-query from
 * {@code request.method} and {@code request.url} (Host, or HTTP/2's {@code :authority}, wins over the
 * url's host); protocol from {@code httpVersion} as written; headers but pseudo-headers; cookies; the
 * body from {@code postData}; status, response bytes and the request's own time from the response and
 * timings (see {@link HarRecords} for what client-side times can honestly say).
 *
 * <p>Streams with Jackson's parser: one entry's request is held at a time, response bodies are skipped
 * unread, so a HAR of hundreds of megabytes needs little memory. A UTF-8 byte order mark is skipped (as
 * are UTF-16 and UTF-32 ones). Each record's line is the line its entry object starts on. An entry
 * without {@code startedDateTime}, {@code request.method} or {@code request.url} is rejected
 * ({@code missing-field}); input that is not a HAR is one {@code bad-json} rejection at line 1; JSON that
 * breaks off after the first entry ends the read with a {@code bad-json} rejection at the line of the
 * entry it broke off in (or where it broke off, between entries), after the records before it. Never
 * throws for content; only I/O failures of the input throw.
 */
public final class HarFormat implements DocumentFormat {

    /**
     * Longest string read, in chars: a request body that large is kept; Jackson's default (20 M) would
     * end the read at a large upload. Skipped strings (response bodies) are never limited.
     */
    static final int MAX_STRING_CHARS = 256 << 20;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_CHARS)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private HarFormat() {}

    /** The format; it has no options. */
    public static HarFormat create() {
        return new HarFormat();
    }

    @Override
    public String name() {
        return "har";
    }

    @Override
    public String describe() {
        return "HTTP Archive 1.2 (HAR) from a browser or proxy: one record per log.entries[] element";
    }

    @Override
    public void read(InputStream in, String source, EntrySink sink) throws IOException {
        FailureRecordingStream input = new FailureRecordingStream(in);
        HarDocumentReader document = null;
        try (JsonParser parser = JSON.createParser(input)) {
            document = new HarDocumentReader(parser, source, sink);
            document.read();
        } catch (IOException malformed) {
            if (input.failure() != null) {
                throw input.failure();
            }
            long line = document == null ? 1 : document.lineOf(malformed);
            sink.rejected(line, "", new Rejection(Rejection.Reason.BAD_JSON, null, 0, describe(malformed)));
        }
    }

    private static String describe(IOException malformed) {
        if (malformed instanceof JsonProcessingException json) {
            String where = json.getLocation() == null
                    ? ""
                    : " (line " + json.getLocation().getLineNr() + ", column "
                            + json.getLocation().getColumnNr() + ")";
            return firstLine(json.getOriginalMessage()) + where;
        }
        return firstLine(String.valueOf(malformed.getMessage()));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
