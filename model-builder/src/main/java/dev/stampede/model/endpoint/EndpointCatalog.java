package dev.stampede.model.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The frozen result of an {@link EndpointLearner}: classifies requests into endpoint templates and slot
 * values. Immutable and thread-safe.
 *
 * <p>Cost per request: one pass over the target; per path segment a hash lookup over the segment's
 * chars (no substring) and, only when that misses, one character scan to classify it. Allocation is
 * the slot values themselves, plus the parameter names when there is a query. User rules run first;
 * a rule's regex runs only for paths that start with its literal prefix (and have its method).
 */
public final class EndpointCatalog {

    private final TemplatingOptions options;
    private final List<FrozenRule> rules;
    private final FrozenNode root;
    private final List<Endpoint> endpoints;

    EndpointCatalog(TemplatingOptions options, List<FrozenRule> rules, FrozenNode root, List<Endpoint> endpoints) {
        this.options = options;
        this.rules = List.copyOf(rules);
        this.root = root;
        this.endpoints = endpoints;
    }

    /** The options the catalog was learned with. */
    public TemplatingOptions options() {
        return options;
    }

    /**
     * Every endpoint the learning pass saw, sorted by key. Each observed request classifies to one of
     * them; requests first seen later may classify to new ones.
     */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The endpoint of a request and its slot values. */
    public EndpointMatch classify(String method, String uri) {
        SlotValues values = new SlotValues();
        Endpoint endpoint = classify(method, uri, values);
        return new EndpointMatch(endpoint, values.toList());
    }

    /**
     * The endpoint of a request; its slot values go to {@code values} (cleared first), in the order of
     * {@link Endpoint#slots()}. For the hot path: reuse {@code values}, one per thread.
     *
     * @param uri the request target as logged: path and query, or an absolute URI
     */
    public Endpoint classify(String method, String uri, SlotValues values) {
        values.clear();
        int pathStart = UriParts.pathStart(uri);
        int pathEnd = UriParts.pathEnd(uri, pathStart);
        int queryStart = pathEnd < uri.length() && uri.charAt(pathEnd) == '?' ? pathEnd + 1 : -1;
        int queryEnd = queryStart < 0 ? -1 : UriParts.queryEnd(uri, queryStart);
        PathTemplate path = byRule(method, uri, pathStart, pathEnd, values);
        if (path == null) {
            path = walk(uri, pathStart, pathEnd, values);
        }
        return path.resolve(method, uri, queryStart, queryEnd, values);
    }

    private PathTemplate byRule(String method, String uri, int pathStart, int pathEnd, SlotValues values) {
        for (FrozenRule rule : rules) {
            Matcher matcher = rule.rule().match(method, uri, pathStart, pathEnd);
            if (matcher != null) {
                for (String name : rule.rule().slotNames()) {
                    String value = matcher.group(name);
                    values.add(value == null ? "" : value);
                }
                return rule.path();
            }
        }
        return null;
    }

    /** Follows the trie as far as it knows the path; the rest is templated by detection alone. */
    private PathTemplate walk(String uri, int pathStart, int pathEnd, SlotValues values) {
        FrozenNode node = root;
        int from = pathStart;
        int index = 0;
        int percent = -1;
        while (true) {
            int to = UriParts.segmentEnd(uri, from, pathEnd);
            if (percent < from) {
                percent = UriParts.nextPercent(uri, from);
            }
            boolean encoded = percent < to; // one scan for '%' per path, not one per segment
            String text = encoded ? PercentDecoding.decode(uri, from, to, false) : uri;
            int start = encoded ? 0 : from;
            int end = encoded ? text.length() : to;
            FrozenNode next = node.literals().get(text, start, end);
            if (next == null) {
                if (start != end && node.takesValue(SegmentClassifier.classify(text, start, end))) {
                    next = node.variable();
                    values.add(uri.substring(from, to));
                } else {
                    return beyondTrie(node.path(), uri, from, pathEnd, index, values);
                }
            }
            node = next;
            if (to >= pathEnd) {
                return node.path();
            }
            from = to + 1;
            index++;
        }
    }

    /**
     * The template of a path that leaves the trie at segment {@code index}: strong values are slots
     * named by their class, everything else is literal.
     */
    private static PathTemplate beyondTrie(
            PathTemplate known, String uri, int from, int pathEnd, int index, SlotValues values) {
        StringBuilder template = new StringBuilder(known.text());
        List<String> slotNames = new ArrayList<>(known.slotNames());
        while (true) {
            int to = UriParts.segmentEnd(uri, from, pathEnd);
            if (index > 0) {
                template.append('/');
            }
            SegmentClass segmentClass = from == to ? SegmentClass.LITERAL : classify(uri, from, to);
            if (segmentClass.strong()) {
                String name = SlotNames.unique(slotNames, segmentClass.slotName());
                slotNames.add(name);
                template.append('{').append(name).append('}');
                values.add(uri.substring(from, to));
            } else {
                template.append(uri, from, to);
            }
            if (to >= pathEnd) {
                return new PathTemplate(template.toString(), slotNames, Map.of());
            }
            from = to + 1;
            index++;
        }
    }

    private static SegmentClass classify(String uri, int from, int to) {
        if (PercentDecoding.hasPercent(uri, from, to)) {
            return SegmentClassifier.classify(PercentDecoding.decode(uri, from, to, false));
        }
        return SegmentClassifier.classify(uri, from, to);
    }
}
