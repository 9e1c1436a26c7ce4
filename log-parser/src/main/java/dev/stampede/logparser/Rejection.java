package dev.stampede.logparser;

/**
 * Why a line was not parsed: a reason class (counted in the summary), the field it failed on, the
 * column (from 1, 0 when not applicable) and a human-readable detail for the first few shown.
 */
public record Rejection(Reason reason, String field, int column, String detail) {

    /** Reason classes; their {@link #code()} names them in summaries. */
    public enum Reason {
        /** The line is empty or blank. */
        EMPTY("empty"),
        /** The line does not have the format's shape (a literal or separator is missing). */
        FORMAT_MISMATCH("format-mismatch"),
        /** The line ends inside a quoted field or before the format's last field. */
        TRUNCATED("truncated"),
        /** A time field does not parse. */
        BAD_TIME("bad-time"),
        /** The request line is not {@code METHOD URI [PROTOCOL]}. */
        BAD_REQUEST_LINE("bad-request-line"),
        /** The status is not a 3-digit number. */
        BAD_STATUS("bad-status"),
        /** A numeric field does not parse. */
        BAD_NUMBER("bad-number"),
        /** A JSON line or document does not parse. */
        BAD_JSON("bad-json"),
        /** A field the format maps is absent. */
        MISSING_FIELD("missing-field"),
        /** The line is longer than the parser accepts. */
        TOO_LONG("too-long"),
        /** The entry is of a kind the format knows but cannot turn into a request (e.g. a response-only entry). */
        UNSUPPORTED("unsupported"),
        /** The record's time is earlier than the reorder window allows (see the pipeline). */
        OUT_OF_ORDER("out-of-order");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** Short stable name, e.g. {@code bad-time}. */
        public String code() {
            return code;
        }
    }

    /** A rejection with no particular field or column. */
    public static Rejection of(Reason reason, String detail) {
        return new Rejection(reason, null, 0, detail);
    }

    /** One line for people: {@code bad-time in time_local at column 14: ...}. */
    public String describe() {
        StringBuilder text = new StringBuilder(reason.code());
        if (field != null) {
            text.append(" in ").append(field);
        }
        if (column > 0) {
            text.append(" at column ").append(column);
        }
        if (detail != null && !detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
