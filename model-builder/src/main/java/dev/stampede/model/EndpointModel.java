package dev.stampede.model;

import java.util.List;
import java.util.Map;

/**
 * One endpoint template ({@code id} is its key, e.g. {@code GET /api/quote/{code}?fields}): its share of
 * the traffic, status mix, server time percentiles in milliseconds (null when the log has no request
 * time), its slots (path, query and body values), and a JSON body template when requests had bodies
 * ({@code bodiesOffTemplate}: JSON bodies of another shape than the template, whose values are not in
 * the slots).
 */
public record EndpointModel(
        String id,
        String method,
        String pathTemplate,
        List<String> queryNames,
        long count,
        double share,
        Map<String, Long> statuses,
        Map<String, Double> serverTimeMillis,
        String bodyTemplate,
        long bodiesOffTemplate,
        List<SlotModel> slots) {}
