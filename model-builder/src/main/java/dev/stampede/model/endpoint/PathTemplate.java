package dev.stampede.model.endpoint;

import java.util.List;
import java.util.Map;

/**
 * A frozen path template with its learned endpoints by method, and the query half of classification.
 * Immutable; shared by all threads.
 */
final class PathTemplate {

    private final String text;
    private final List<String> slotNames;
    private final Map<String, MethodEndpoints> byMethod;

    PathTemplate(String text, List<String> slotNames, Map<String, MethodEndpoints> byMethod) {
        this.text = text;
        this.slotNames = List.copyOf(slotNames);
        this.byMethod = Map.copyOf(byMethod);
    }

    String text() {
        return text;
    }

    List<String> slotNames() {
        return slotNames;
    }

    /**
     * The endpoint of a request on this path, adding its query slot values to {@code values}. A learned
     * endpoint where there is one; else a new one (a method or query shape first seen after freezing).
     */
    Endpoint resolve(String method, String uri, int queryStart, int queryEnd, SlotValues values) {
        MethodEndpoints known = byMethod.get(method);
        if (queryStart < 0 || queryStart == queryEnd) {
            return bare(method, known);
        }
        if (known != null && known.queryCollapsed()) {
            values.add(uri.substring(queryStart, queryEnd));
            return known.wholeQuery();
        }
        QueryParameters query = QueryParameters.parse(uri, queryStart, queryEnd);
        if (query == null) {
            values.add(uri.substring(queryStart, queryEnd));
            return known != null && known.wholeQuery() != null
                    ? known.wholeQuery()
                    : Endpoint.withWholeQuery(method, text, slotNames);
        }
        if (query.count() == 0) {
            return bare(method, known);
        }
        Endpoint endpoint = known == null ? null : known.byShape().get(query.shapeKey());
        if (endpoint == null) {
            endpoint = Endpoint.of(method, text, slotNames, query.names());
        }
        for (int i = 0; i < query.count(); i++) {
            values.add(query.value(i));
        }
        return endpoint;
    }

    private Endpoint bare(String method, MethodEndpoints known) {
        return known != null && known.bare() != null ? known.bare() : Endpoint.of(method, text, slotNames, List.of());
    }
}
