package dev.stampede.model.endpoint;

import java.util.Map;

/**
 * The learned endpoints of one path template for one method.
 *
 * @param bare the endpoint without a query, or {@code null} if none was seen
 * @param byShape endpoints by query shape key (sorted names joined with {@code &})
 * @param queryCollapsed whether every query here is kept whole (more shapes than allowed were seen)
 * @param wholeQuery the kept-whole endpoint, or {@code null} if none was seen
 */
record MethodEndpoints(Endpoint bare, Map<String, Endpoint> byShape, boolean queryCollapsed, Endpoint wholeQuery) {}
