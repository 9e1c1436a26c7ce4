package dev.stampede.model.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learning pass: the query shapes (sorted parameter names) of the requests that ended at one path for
 * one method, at most {@code maxQueryShapes} of them; past that the path's query is collapsed (kept
 * whole). Mirrors {@link PathTemplate#resolve} so that every observed request classifies to a learned
 * endpoint.
 */
final class QueryShapes {

    /** Requests without a query (or with an empty one) ended here. */
    boolean bare;
    /** Some query had more than {@link QueryParameters#MAX_PARAMETERS} parameters. */
    boolean tooManyParameters;
    /** More distinct shapes than allowed: every query here is kept whole. */
    boolean collapsed;
    /** Shape key to the names it stands for; {@code null} once collapsed. */
    Map<String, List<String>> shapes = new LinkedHashMap<>();

    void record(String uri, int queryStart, int queryEnd, int maxShapes) {
        if (queryStart < 0 || queryStart == queryEnd) {
            bare = true;
            return;
        }
        if (collapsed) {
            return;
        }
        QueryParameters query = QueryParameters.parse(uri, queryStart, queryEnd);
        if (query == null) {
            tooManyParameters = true;
        } else if (query.count() == 0) {
            bare = true;
        } else {
            String key = query.shapeKey();
            if (!shapes.containsKey(key)) {
                add(key, query.names(), maxShapes);
            }
        }
    }

    void merge(QueryShapes other, int maxShapes) {
        bare |= other.bare;
        tooManyParameters |= other.tooManyParameters;
        if (other.collapsed) {
            collapse();
        }
        if (!collapsed) {
            other.shapes.forEach((key, names) -> add(key, names, maxShapes));
        }
    }

    private void add(String key, List<String> names, int maxShapes) {
        if (collapsed || shapes.containsKey(key)) {
            return;
        }
        if (shapes.size() >= maxShapes) {
            collapse();
        } else {
            shapes.put(key, names);
        }
    }

    private void collapse() {
        collapsed = true;
        shapes = Map.of();
    }
}
