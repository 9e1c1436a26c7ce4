package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;

/**
 * What one parser knows about the line it is parsing: the fields' bounds, the first structural failure,
 * and the values several directives compete for (status, bytes, client, host, duration), each kept from
 * the directive of highest rank. Owned by one {@link ApacheLineParser}; reset per line.
 */
final class LineState {

    /** How many alternative closing quotes one line may try before it is rejected. */
    static final int CANDIDATE_BUDGET = 64;

    final int[] starts;
    final int[] ends;
    final TimeParts begin = new TimeParts();
    final TimeParts end = new TimeParts();
    /** For self-delimiting time fields to find their end without touching {@link #begin} or {@link #end}. */
    final TimeParts scratch = new TimeParts();

    RequestRecord record;
    Rejection failure;
    int candidateBudget;

    boolean requestLineSeen;
    String method;
    String path;
    String query;
    String protocol;

    private int statusRank;
    private int bytesRank;
    private int clientRank;
    private int hostRank;
    private int durationRank;

    LineState(int segmentCount) {
        starts = new int[segmentCount];
        ends = new int[segmentCount];
    }

    void reset(RequestRecord target) {
        record = target;
        failure = null;
        candidateBudget = CANDIDATE_BUDGET;
        requestLineSeen = false;
        method = null;
        path = null;
        query = null;
        protocol = null;
        statusRank = 0;
        bytesRank = 0;
        clientRank = 0;
        hostRank = 0;
        durationRank = 0;
        begin.reset();
        end.reset();
    }

    /** Keeps the first structural failure: the one on the path the splitter tried first. */
    void fail(Rejection why) {
        if (failure == null) {
            failure = why;
        }
    }

    void offerStatus(int status, int rank) {
        if (rank > statusRank) {
            statusRank = rank;
            record.status(status);
        }
    }

    void offerBytes(long bytes, int rank) {
        if (rank > bytesRank) {
            bytesRank = rank;
            record.bytesSent(bytes);
        }
    }

    void offerDuration(long micros, int rank) {
        if (rank > durationRank) {
            durationRank = rank;
            record.requestTimeMicros(micros);
        }
    }

    boolean wantsClient(int rank) {
        return rank > clientRank;
    }

    void client(String address, int rank) {
        clientRank = rank;
        record.clientAddress(address);
    }

    boolean wantsHost(int rank) {
        return rank > hostRank;
    }

    void host(String host, int rank) {
        hostRank = rank;
        record.host(host);
    }

    /**
     * Completes the record once every field is decoded: the start time and, without {@code %r}, the
     * request from {@code %m %U %q %H}.
     */
    Rejection finish() {
        if (!requestLineSeen && (method != null || path != null || query != null || protocol != null)) {
            String uri = path == null ? query : query == null ? path : path + query;
            record.method(method).uri(uri == null || uri.isEmpty() ? null : uri).protocol(protocol);
        }
        long started = begin.resolve();
        if (started == TimeParts.INVALID) {
            return badTime(begin);
        }
        if (started == TimeParts.UNSET) {
            long ended = end.resolve();
            if (ended == TimeParts.INVALID) {
                return badTime(end);
            }
            long duration = record.requestTimeMicros();
            started = ended == TimeParts.UNSET || duration == RequestRecord.UNKNOWN ? ended : ended - duration;
        }
        if (started != TimeParts.UNSET) {
            record.startMicros(started);
        }
        return null;
    }

    private static Rejection badTime(TimeParts parts) {
        return new Rejection(Reason.BAD_TIME, parts.field(), parts.column(), "not a valid date and time");
    }
}
