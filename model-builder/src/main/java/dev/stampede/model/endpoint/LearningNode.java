package dev.stampede.model.endpoint;

import java.util.HashMap;
import java.util.Map;

/**
 * Learning pass: one position of the path trie. Literal children by decoded segment text; at most one
 * variable child, which takes every value-like segment at this position. Mutable, single-threaded;
 * {@link TrieShaper} does the structural changes.
 */
final class LearningNode {

    /** The segment as logged, for templates (the smallest raw form when encodings differ); null for a slot. */
    String raw;
    /** Whether the segment was seen spelled in more than one way ({@code %7E} and {@code ~}). */
    boolean rawVaries;
    /** Requests that passed through (or ended at) this node. */
    long hits;
    /** Literal children by decoded text; {@code null} until the first. */
    SegmentMap<LearningNode> literals;
    /** The slot child; {@code null} until a value is seen here. */
    LearningNode variable;
    /** For a slot node: hits per {@link SegmentClass} ordinal of the values that landed here (names the slot). */
    long[] classHits;
    /** Whether every non-empty literal here is a value (the cardinality cap or the rare-leaf rule acted). */
    boolean capped;
    /** Whether a ticker-like word here is a value (enough tickers, or stock codes, seen here). */
    boolean acceptsTickers;
    /** Query shapes of the requests that ended here, by method; {@code null} until one did. */
    Map<String, QueryShapes> methods;

    LearningNode(String raw) {
        this.raw = raw;
    }

    LearningNode literal(String key) {
        return literals == null ? null : literals.get(key);
    }

    /** Literal children other than the empty segment (which is never a value). */
    int valueLiteralCount() {
        if (literals == null) {
            return 0;
        }
        return literals.size() - (literals.get("") == null ? 0 : 1);
    }

    /** Nothing below but perhaps a trailing slash. */
    boolean isLeaf() {
        return variable == null && valueLiteralCount() == 0;
    }

    void countClass(SegmentClass segmentClass, long count) {
        if (classHits == null) {
            classHits = new long[SegmentClass.count()];
        }
        classHits[segmentClass.ordinal()] += count;
    }

    long classHits(SegmentClass segmentClass) {
        return classHits == null ? 0 : classHits[segmentClass.ordinal()];
    }

    /** Keeps the smaller of two raw spellings of the same segment, so templates do not depend on order. */
    void offerRaw(String candidate) {
        if (!candidate.equals(raw)) {
            rawVaries = true;
            if (candidate.compareTo(raw) < 0) {
                raw = candidate;
            }
        }
    }

    QueryShapes shapes(String method) {
        if (methods == null) {
            methods = new HashMap<>(2);
        }
        return methods.computeIfAbsent(method, m -> new QueryShapes());
    }
}
