package dev.stampede.logparser;

import java.util.Map;

/**
 * One request as a log told it: when it started, what was asked, what came back, and where the line
 * was. Mutable and reusable: a parser fills a record, the pipeline copies or stores it. Times are epoch
 * microseconds; an unknown number is {@link #UNKNOWN}; an unknown text is {@code null}.
 */
public final class RequestRecord {

    /** An unknown number (bytes, durations, status 0 aside). */
    public static final long UNKNOWN = -1;

    private long startMicros = UNKNOWN;
    private String method;
    private String uri;
    private String protocol;
    private String host;
    private int status;
    private long bytesSent = UNKNOWN;
    private long requestTimeMicros = UNKNOWN;
    private long upstreamTimeMicros = UNKNOWN;
    private String clientAddress;
    // Created on first use: most lines of most formats have a header or two and no cookies or extras,
    // and the pipeline allocates one record per line.
    private Fields headers;
    private Fields cookies;
    private Fields extras;
    private byte[] body;
    private String sourceFile;
    private long sourceLine;

    /** Clears every field, for reuse. */
    public RequestRecord reset() {
        startMicros = UNKNOWN;
        method = null;
        uri = null;
        protocol = null;
        host = null;
        status = 0;
        bytesSent = UNKNOWN;
        requestTimeMicros = UNKNOWN;
        upstreamTimeMicros = UNKNOWN;
        clientAddress = null;
        clear(headers);
        clear(cookies);
        clear(extras);
        body = null;
        sourceFile = null;
        sourceLine = 0;
        return this;
    }

    /** A copy that shares nothing mutable with this record. */
    public RequestRecord copy() {
        RequestRecord copy = new RequestRecord();
        copy.startMicros = startMicros;
        copy.method = method;
        copy.uri = uri;
        copy.protocol = protocol;
        copy.host = host;
        copy.status = status;
        copy.bytesSent = bytesSent;
        copy.requestTimeMicros = requestTimeMicros;
        copy.upstreamTimeMicros = upstreamTimeMicros;
        copy.clientAddress = clientAddress;
        copy.headers = headers == null ? null : headers.copy();
        copy.cookies = cookies == null ? null : cookies.copy();
        copy.extras = extras == null ? null : extras.copy();
        copy.body = body == null ? null : body.clone();
        copy.sourceFile = sourceFile;
        copy.sourceLine = sourceLine;
        return copy;
    }

    private static void clear(Fields fields) {
        if (fields != null) {
            fields.clear0();
        }
    }

    /** When the request started (arrived), epoch microseconds; {@link #UNKNOWN} until set. */
    public long startMicros() {
        return startMicros;
    }

    public RequestRecord startMicros(long micros) {
        this.startMicros = micros;
        return this;
    }

    /** The request method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    public RequestRecord method(String value) {
        this.method = value;
        return this;
    }

    /** The request target as logged: path and query, e.g. {@code /api/kline/600519?period=1m}. */
    public String uri() {
        return uri;
    }

    public RequestRecord uri(String value) {
        this.uri = value;
        return this;
    }

    /** The path part of {@link #uri()}. */
    public String path() {
        if (uri == null) {
            return null;
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The query part of {@link #uri()} without {@code ?}, or {@code null}. */
    public String query() {
        if (uri == null) {
            return null;
        }
        int query = uri.indexOf('?');
        return query < 0 ? null : uri.substring(query + 1);
    }

    /** e.g. {@code HTTP/1.1}; {@code null} when not logged. */
    public String protocol() {
        return protocol;
    }

    public RequestRecord protocol(String value) {
        this.protocol = value;
        return this;
    }

    /** The Host the request was for, when logged. */
    public String host() {
        return host;
    }

    public RequestRecord host(String value) {
        this.host = value;
        return this;
    }

    /** The response status; 0 when not logged. */
    public int status() {
        return status;
    }

    public RequestRecord status(int value) {
        this.status = value;
        return this;
    }

    /** Response bytes (body, or whole response when only that is logged); {@link #UNKNOWN} when not logged. */
    public long bytesSent() {
        return bytesSent;
    }

    public RequestRecord bytesSent(long value) {
        this.bytesSent = value;
        return this;
    }

    /** Time the server took for the whole request, µs; {@link #UNKNOWN} when not logged. */
    public long requestTimeMicros() {
        return requestTimeMicros;
    }

    public RequestRecord requestTimeMicros(long value) {
        this.requestTimeMicros = value;
        return this;
    }

    /** Time spent waiting for the upstream, µs (sum over attempts); {@link #UNKNOWN} when not logged. */
    public long upstreamTimeMicros() {
        return upstreamTimeMicros;
    }

    public RequestRecord upstreamTimeMicros(long value) {
        this.upstreamTimeMicros = value;
        return this;
    }

    /** The client's address: the original client when the log has an X-Forwarded-For list. */
    public String clientAddress() {
        return clientAddress;
    }

    public RequestRecord clientAddress(String value) {
        this.clientAddress = value;
        return this;
    }

    /** Request headers the format logged, by lower-case name (read-only view; add with {@link #header}). */
    public Map<String, String> headers() {
        return headers == null ? Map.of() : headers;
    }

    /** Adds a header (name lower-cased). */
    public RequestRecord header(String name, String value) {
        return lowerCaseHeader(name.toLowerCase(java.util.Locale.ROOT), value);
    }

    /** Adds a header whose name the caller has already lower-cased (parsers that know their names do). */
    public RequestRecord lowerCaseHeader(String lowerCaseName, String value) {
        if (headers == null) {
            headers = new Fields();
        }
        headers.set(lowerCaseName, value);
        return this;
    }

    /**
     * The headers by position, for code that visits every record (the store's encoder): no map view, no
     * iterator, no entry objects. Names are lower-case; order is the order they were added.
     */
    public int headerCount() {
        return headers == null ? 0 : headers.size();
    }

    public String headerName(int i) {
        return headers.name(i);
    }

    public String headerValue(int i) {
        return headers.value(i);
    }

    /** The cookies by position (see {@link #headerCount()}). */
    public int cookieCount() {
        return cookies == null ? 0 : cookies.size();
    }

    public String cookieName(int i) {
        return cookies.name(i);
    }

    public String cookieValue(int i) {
        return cookies.value(i);
    }

    /** The extras by position (see {@link #headerCount()}). */
    public int extraCount() {
        return extras == null ? 0 : extras.size();
    }

    public String extraName(int i) {
        return extras.name(i);
    }

    public String extraValue(int i) {
        return extras.value(i);
    }

    /** Request cookies the format logged, by name (read-only view; add with {@link #cookie}). */
    public Map<String, String> cookies() {
        return cookies == null ? Map.of() : cookies;
    }

    public RequestRecord cookie(String name, String value) {
        if (cookies == null) {
            cookies = new Fields();
        }
        cookies.set(name, value);
        return this;
    }

    /**
     * Everything else the line carried, by the format's own name for it: variables Stampede does not
     * interpret (e.g. nginx {@code $upstream_cookie_SESSION}, a custom {@code $trace_id}), kept as text.
     */
    public Map<String, String> extras() {
        return extras == null ? Map.of() : extras;
    }

    public RequestRecord extra(String name, String value) {
        if (extras == null) {
            extras = new Fields();
        }
        extras.set(name, value);
        return this;
    }

    /** The request body as sent, when the format has it; else {@code null}. */
    public byte[] body() {
        return body;
    }

    public RequestRecord body(byte[] value) {
        this.body = value;
        return this;
    }

    /** The file the record came from (as named on the command line, or {@code -} for stdin). */
    public String sourceFile() {
        return sourceFile;
    }

    /** Its line number in that file, from 1 (the first line of a multi-line entry). */
    public long sourceLine() {
        return sourceLine;
    }

    public RequestRecord source(String file, long line) {
        this.sourceFile = file;
        this.sourceLine = line;
        return this;
    }

    @Override
    public String toString() {
        return startMicros + " " + method + " " + uri + " " + status + " (" + sourceFile + ":" + sourceLine + ")";
    }
}
