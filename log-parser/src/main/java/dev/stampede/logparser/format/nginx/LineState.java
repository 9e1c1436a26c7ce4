package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;

/** What decoders collect while a line is parsed, resolved into the record at the end. */
final class LineState {

    /** End time (nginx logs when the request ended), epoch µs; finer sources overwrite coarser ones. */
    long endMicros = RequestRecord.UNKNOWN;

    /** Precision of {@link #endMicros}: 0 none, 1 seconds ($time_local / $time_iso8601), 2 ms ($msec). */
    int endPrecision;

    /** The original client from {@code $http_x_forwarded_for}, which wins over {@code $remote_addr}. */
    String forwardedFor;

    long bodyBytes = RequestRecord.UNKNOWN;
    long allBytes = RequestRecord.UNKNOWN;

    /** Applies what needs several variables: start from end and request time, bytes, the client. */
    Rejection resolve(RequestRecord record) {
        if (record.method() == null || record.uri() == null) {
            return Rejection.of(Reason.BAD_REQUEST_LINE, "no method or request target in the line");
        }
        long request = record.requestTimeMicros();
        record.startMicros(request >= 0 ? endMicros - request : endMicros);
        record.bytesSent(bodyBytes >= 0 ? bodyBytes : allBytes);
        if (forwardedFor != null) {
            record.clientAddress(forwardedFor);
        }
        return null;
    }

    void reset() {
        endMicros = RequestRecord.UNKNOWN;
        endPrecision = 0;
        forwardedFor = null;
        bodyBytes = RequestRecord.UNKNOWN;
        allBytes = RequestRecord.UNKNOWN;
    }
}
