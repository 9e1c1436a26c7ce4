package dev.stampede.model.endpoint;

/**
 * One variable part of an endpoint: a path slot ({@code {code}} in {@code /api/quote/{code}}), a query
 * parameter's value, or the whole query when it is kept as one.
 *
 * @param name unique within its endpoint: {@code code}, {@code id_2}, a user rule's {@code orderId},
 *     a query parameter's name
 * @param kind where the value comes from
 * @param parameter the query parameter's (decoded) name for {@link Kind#QUERY}; else {@code null}
 */
public record Slot(String name, Kind kind, String parameter) {

    /** Where a slot's value sits in the request target. */
    public enum Kind {
        /** A path segment (or, for a user rule, a named group of the path). */
        PATH,
        /** The value of one query parameter, raw as sent. */
        QUERY,
        /** The whole query string, raw, for an endpoint whose query is kept whole (key ends {@code ?*}). */
        QUERY_STRING
    }
}
