package dev.stampede.logparser.format.alb;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.Escapes;
import dev.stampede.logparser.format.IsoTime;
import dev.stampede.logparser.format.RequestLine;
import dev.stampede.logparser.format.ScaledDecimal;

/** One thread's parser of ALB access log lines; see {@link AlbLogFormat} for what it reads. */
final class AlbLineParser implements LineParser {

    private static final long INVALID = Long.MIN_VALUE;

    private static final AlbField[] PROCESSING_TIMES = {
        AlbField.REQUEST_PROCESSING_TIME, AlbField.TARGET_PROCESSING_TIME, AlbField.RESPONSE_PROCESSING_TIME
    };

    private final AlbFieldSplitter fields = new AlbFieldSplitter();
    private String line;

    @Override
    public Rejection parse(String line, RequestRecord record) {
        if (line.isBlank()) {
            return Rejection.of(Rejection.Reason.EMPTY, "empty line");
        }
        this.line = line;
        int count = fields.split(line);
        if (count < 0) {
            return new Rejection(
                    Rejection.Reason.TRUNCATED,
                    null,
                    fields.unterminatedColumn(),
                    "a quoted field has no closing quote");
        }
        Rejection why = checkShape(count);
        if (why == null) {
            why = readTimes(count, record);
        }
        if (why == null) {
            why = readResponse(record);
        }
        if (why == null) {
            why = readRequest(count, record);
        }
        return why;
    }

    /** The type and the field count: what tells an ALB line from another format's, or a cut one. */
    private Rejection checkShape(int count) {
        int typeLength = fields.end(0) - fields.start(0);
        boolean type = !fields.quoted(0) && typeLength > 0 && typeLength <= 8;
        for (int i = fields.start(0); type && i < fields.end(0); i++) {
            char c = line.charAt(i);
            type = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }
        if (!type) {
            return reject(
                    Rejection.Reason.FORMAT_MISMATCH,
                    AlbField.TYPE,
                    "'" + text(AlbField.TYPE) + "' is not an ALB request type (http, https, h2, grpcs, ws, wss)");
        }
        if (count < AlbField.REQUIRED) {
            return new Rejection(
                    Rejection.Reason.TRUNCATED,
                    AlbField.values()[count].documentedName(),
                    line.length() + 1,
                    "the line ends after " + count + " fields; an ALB entry has at least " + AlbField.REQUIRED
                            + " (through \"request\")");
        }
        return null;
    }

    /**
     * The start: {@code request_creation_time} (when the load balancer received the request) when the line
     * has it, else {@code time} (when it responded) minus the three processing times, when all are known.
     */
    private Rejection readTimes(int count, RequestRecord record) {
        long end = IsoTime.parseMicros(line, fields.start(1), fields.end(1));
        if (end == IsoTime.INVALID) {
            return reject(
                    Rejection.Reason.BAD_TIME, AlbField.TIME, "'" + text(AlbField.TIME) + "' is not an ISO-8601 time");
        }
        long sum = 0;
        for (AlbField field : PROCESSING_TIMES) {
            long micros = ScaledDecimal.parse(line, fields.start(field.ordinal()), fields.end(field.ordinal()), 6);
            if (micros == ScaledDecimal.INVALID || (sum > 0 && micros > Long.MAX_VALUE - sum)) {
                return reject(Rejection.Reason.BAD_NUMBER, field, "'" + text(field) + "' is not a time in seconds");
            }
            sum = sum < 0 || micros < 0 ? RequestRecord.UNKNOWN : sum + micros;
            if (field == AlbField.TARGET_PROCESSING_TIME) {
                record.upstreamTimeMicros(micros < 0 ? RequestRecord.UNKNOWN : micros);
            }
        }
        record.requestTimeMicros(sum);
        long received = creationTime(count);
        if (received == INVALID) {
            return reject(
                    Rejection.Reason.BAD_TIME,
                    AlbField.REQUEST_CREATION_TIME,
                    "'" + text(AlbField.REQUEST_CREATION_TIME) + "' is not an ISO-8601 time");
        }
        record.startMicros(received != RequestRecord.UNKNOWN ? received : sum >= 0 ? end - sum : end);
        return null;
    }

    /** {@code request_creation_time}, {@link RequestRecord#UNKNOWN} when absent or {@code -}, or INVALID. */
    private long creationTime(int count) {
        int index = AlbField.REQUEST_CREATION_TIME.ordinal();
        if (count <= index || isDash(index)) {
            return RequestRecord.UNKNOWN;
        }
        long micros = IsoTime.parseMicros(line, fields.start(index), fields.end(index));
        return micros == IsoTime.INVALID ? INVALID : micros;
    }

    private Rejection readResponse(RequestRecord record) {
        if (!isDash(AlbField.ELB_STATUS_CODE.ordinal())) {
            long code = digits(AlbField.ELB_STATUS_CODE);
            if (code < 100 || code > 999) {
                return reject(
                        Rejection.Reason.BAD_STATUS,
                        AlbField.ELB_STATUS_CODE,
                        "'" + text(AlbField.ELB_STATUS_CODE) + "' is not a 3-digit status");
            }
            record.status((int) code);
        }
        if (!isDash(AlbField.SENT_BYTES.ordinal())) {
            long bytes = digits(AlbField.SENT_BYTES);
            if (bytes == INVALID) {
                return reject(
                        Rejection.Reason.BAD_NUMBER,
                        AlbField.SENT_BYTES,
                        "'" + text(AlbField.SENT_BYTES) + "' is not a byte count");
            }
            record.bytesSent(bytes);
        }
        record.clientAddress(address(AlbField.CLIENT));
        return null;
    }

    /** The field's value when it is 1 to 18 decimal digits, else INVALID. */
    private long digits(AlbField field) {
        int start = fields.start(field.ordinal());
        int end = fields.end(field.ordinal());
        if (end == start || end - start > 18) {
            return INVALID;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private Rejection readRequest(int count, RequestRecord record) {
        int request = AlbField.REQUEST.ordinal();
        if (!fields.quoted(request)) {
            return reject(Rejection.Reason.FORMAT_MISMATCH, AlbField.REQUEST, "the request is not in quotes");
        }
        String text = Escapes.unescape(text(AlbField.REQUEST));
        if (text.startsWith("- ")) {
            // ALB logs "- http://host:80- -" when it could not read a request line: nothing to replay.
            return reject(
                    Rejection.Reason.BAD_REQUEST_LINE,
                    AlbField.REQUEST,
                    "the load balancer logged no request ('" + text + "')");
        }
        Rejection why = RequestLine.parse(text, AlbField.REQUEST.documentedName(), record);
        if (why != null) {
            int column = fields.start(request) + Math.max(1, why.column()); // the quote is not in the text
            return new Rejection(why.reason(), why.field(), column, why.detail());
        }
        AbsoluteTarget.split(record);
        int agent = AlbField.USER_AGENT.ordinal();
        if (count > agent && !isDash(agent)) {
            record.header("user-agent", Escapes.unescape(text(AlbField.USER_AGENT)));
        }
        return null;
    }

    /** The address of an {@code ip:port} field ({@code 2001:db8::1:443} or {@code [2001:db8::1]:443}). */
    private String address(AlbField field) {
        int start = fields.start(field.ordinal());
        int end = fields.end(field.ordinal());
        if (isDash(field.ordinal())) {
            return null;
        }
        int colon = line.lastIndexOf(':', end - 1);
        int addressEnd = colon > start ? colon : end;
        if (line.charAt(start) == '[' && line.charAt(addressEnd - 1) == ']') {
            return line.substring(start + 1, addressEnd - 1);
        }
        return line.substring(start, addressEnd);
    }

    private boolean isDash(int field) {
        return fields.end(field) - fields.start(field) == 1 && line.charAt(fields.start(field)) == '-';
    }

    private String text(AlbField field) {
        return line.substring(fields.start(field.ordinal()), fields.end(field.ordinal()));
    }

    private Rejection reject(Rejection.Reason reason, AlbField field, String detail) {
        return new Rejection(reason, field.documentedName(), fields.start(field.ordinal()) + 1, abbreviate(detail));
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
