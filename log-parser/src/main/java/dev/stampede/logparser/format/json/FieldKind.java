package dev.stampede.logparser.format.json;

/** What a mapped JSON value becomes in the request record: the keys of a field map. */
enum FieldKind {
    /** When the request started. */
    TIME("time", true),
    /** When the request ended: the start is then this minus {@code request_time} (or this, if unknown). */
    END_TIME("end_time", true),
    /** A whole request line, {@code GET /x HTTP/1.1}. */
    REQUEST("request", false),
    METHOD("method", false),
    /** Path and query. */
    URI("uri", false),
    /** The path alone, when the query is logged apart (or not at all). */
    PATH("path", false),
    /** The query without {@code ?}, with {@code path}. */
    QUERY("query", false),
    PROTOCOL("protocol", false),
    STATUS("status", false),
    BYTES("bytes", false),
    REQUEST_TIME("request_time", true),
    UPSTREAM_TIME("upstream_time", true),
    CLIENT("client", false),
    HOST("host", false),
    BODY("body", false),
    /** {@code header.<name>}. */
    HEADER("header.", false),
    /** {@code cookie.<name>}. */
    COOKIE("cookie.", false);

    private final String key;
    private final boolean takesUnit;

    FieldKind(String key, boolean takesUnit) {
        this.key = key;
        this.takesUnit = takesUnit;
    }

    /** The key in a field map; {@code header.} and {@code cookie.} are prefixes of a name. */
    String key() {
        return key;
    }

    /** Whether a value may carry a unit suffix ({@code :s}, {@code :ms}, {@code :us}, {@code :ns}). */
    boolean takesUnit() {
        return takesUnit;
    }

    boolean isPrefix() {
        return key.endsWith(".");
    }

    /** The kind of a field-map key, or {@code null}. */
    static FieldKind of(String key) {
        for (FieldKind kind : values()) {
            if (kind.isPrefix() ? key.startsWith(kind.key) && key.length() > kind.key.length() : key.equals(kind.key)) {
                return kind;
            }
        }
        return null;
    }

    /** Every key, for messages: {@code time, end_time, ..., header.<name>, cookie.<name>}. */
    static String known() {
        StringBuilder text = new StringBuilder();
        for (FieldKind kind : values()) {
            text.append(text.length() == 0 ? "" : ", ").append(kind.key).append(kind.isPrefix() ? "<name>" : "");
        }
        return text.toString();
    }
}
