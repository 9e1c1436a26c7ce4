package dev.stampede.logparser.format.w3c;

import dev.stampede.logparser.DocumentFormat;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.IsoTime;

/**
 * The state of reading one W3C document: the {@code #Fields} layout in force (a new directive replaces it
 * for the lines after it, as IIS writes one after each restart or configuration change) and the date of
 * the last {@code #Date}. Directive lines are not entries: they are neither parsed nor rejected.
 */
final class W3cReader {

    private static final String FIELDS = "#fields:";
    private static final String DATE = "#date:";

    private final String source;
    private final DocumentFormat.EntrySink sink;
    private final W3cEntryParser parser = new W3cEntryParser();
    private FieldLayout layout;
    private long directiveDateMicros = RequestRecord.UNKNOWN;
    private RequestRecord record = new RequestRecord();

    W3cReader(String source, DocumentFormat.EntrySink sink) {
        this.source = source;
        this.sink = sink;
    }

    /** Reads line {@code number} (from 1). */
    void line(String line, long number) {
        if (line.startsWith("#")) {
            directive(line, number);
            return;
        }
        Rejection why = entry(line);
        if (why == null) {
            sink.parsed(record.source(source, number));
            record = new RequestRecord(); // the sink may keep the one it was given
        } else {
            sink.rejected(number, line, why);
            record.reset();
        }
    }

    private Rejection entry(String line) {
        if (line.isBlank()) {
            return Rejection.of(Rejection.Reason.EMPTY, "empty line");
        }
        if (layout == null) {
            return Rejection.of(Rejection.Reason.FORMAT_MISMATCH, "no #Fields directive yet");
        }
        return parser.parse(line, layout, directiveDateMicros, record);
    }

    private void directive(String line, long number) {
        if (line.regionMatches(true, 0, FIELDS, 0, FIELDS.length())) {
            layout = FieldLayout.parse(line.substring(FIELDS.length()), number);
        } else if (line.regionMatches(true, 0, DATE, 0, DATE.length())) {
            // "#Date: 2024-03-01 00:00:00": its day dates the times of a layout without a date field.
            String value = line.substring(DATE.length()).strip();
            long date = value.length() >= 10 ? IsoTime.dateMicros(value, 0, 10) : IsoTime.INVALID;
            directiveDateMicros = date == IsoTime.INVALID ? RequestRecord.UNKNOWN : date;
        }
        // #Software, #Version, #Start-Date, #End-Date, #Remark and unknown directives say nothing about requests.
    }
}
