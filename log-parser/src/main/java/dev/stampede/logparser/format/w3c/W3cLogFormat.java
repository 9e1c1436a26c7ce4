package dev.stampede.logparser.format.w3c;

import dev.stampede.logparser.DocumentFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The W3C extended log format, as IIS writes it: directives ({@code #Software}, {@code #Version},
 * {@code #Date}, {@code #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip
 * cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken}), then one line per
 * request with those fields, separated by spaces, {@code -} for empty.
 *
 * <p>A document format because a {@code #Fields} directive can appear mid-file (IIS writes the header
 * again after a restart or a logging change) and the lines after it follow the new field list.
 *
 * <ul>
 *   <li>{@code date} and {@code time} are UTC and mark the end of the request (IIS logs at completion);
 *       {@code time-taken} is milliseconds, so the start is their difference. Without a {@code date} field,
 *       the day of the last {@code #Date} directive is used.
 *   <li>uri: {@code cs-uri-stem} and {@code cs-uri-query} (or {@code cs-uri}), as logged. protocol
 *       {@code cs-version}, host {@code cs-host} or {@code cs(Host)}, status {@code sc-status}, bytes
 *       {@code sc-bytes}, client {@code c-ip}, or the first address of a logged X-Forwarded-For.
 *   <li>{@code cs(<Header>)} fields are request headers, with IIS's {@code +} turned back into spaces;
 *       {@code cs(Cookie)} ({@code a=b;+c=d}) becomes the record's cookies, not a header.
 * </ul>
 *
 * <p>Entries: directive lines are not entries at all, neither parsed nor rejected (the pipeline counts
 * lines read on its own). Every other line is one entry, parsed or rejected: a line before any
 * {@code #Fields} ({@code format-mismatch}, "no #Fields directive yet"), a line with more or fewer fields
 * than the directive in force ({@code format-mismatch}, naming that directive's line), a layout without
 * the fields a request needs ({@code missing-field}), a blank line ({@code empty}).
 *
 * <p>Bytes are read as ISO-8859-1, one char per byte, so values keep the bytes that were logged (IIS
 * writes UTF-8 by default); a UTF-8 byte-order mark before the first directive is skipped.
 */
public final class W3cLogFormat implements DocumentFormat {

    private static final W3cLogFormat INSTANCE = new W3cLogFormat();

    /** The UTF-8 byte-order mark, read as ISO-8859-1. */
    private static final String BOM = "\u00EF\u00BB\u00BF";

    private W3cLogFormat() {}

    /** The format (it has no options). */
    public static W3cLogFormat create() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "w3c";
    }

    @Override
    public String describe() {
        return "W3C extended log format (IIS): #Fields directives, space-separated fields, date time UTC at the end,"
                + " time-taken in ms";
    }

    @Override
    public void read(InputStream in, String source, EntrySink sink) throws IOException {
        W3cReader reader = new W3cReader(source, sink);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            reader.line(number == 1 && line.startsWith(BOM) ? line.substring(BOM.length()) : line, number);
        }
    }
}
