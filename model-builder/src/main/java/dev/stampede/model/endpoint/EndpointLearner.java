package dev.stampede.model.endpoint;

import dev.stampede.logparser.RequestRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The learning pass of endpoint templating: {@link #observe} every request of the log, then {@link
 * #freeze()} into an {@link EndpointCatalog}. Memory is bounded by the options (the cardinality cap per
 * trie position, query shapes per path, the node budget), not by the number of records.
 *
 * <p>Single-threaded: one learner per stream. The result does not depend on the order of the records
 * (unless the node budget acts).
 */
public final class EndpointLearner {

    private final TemplatingOptions options;
    private final TrieShaper shaper;
    private final LearningNode root;
    private final List<Map<String, QueryShapes>> ruleShapes = new ArrayList<>();
    private long observed;
    private boolean frozen;

    public EndpointLearner(TemplatingOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.shaper = new TrieShaper(options);
        this.root = shaper.newRoot();
        for (int i = 0; i < options.rules().size(); i++) {
            ruleShapes.add(new HashMap<>());
        }
    }

    /** A learner with {@link TemplatingOptions#defaults()}. */
    public EndpointLearner() {
        this(TemplatingOptions.defaults());
    }

    /** Learns from a parsed record's method and request target. */
    public void observe(RequestRecord record) {
        observe(record.method(), record.uri());
    }

    /**
     * Learns from one request.
     *
     * @param uri the request target as logged: path and query, or an absolute URI
     * @throws IllegalStateException after {@link #freeze()}
     */
    public void observe(String method, String uri) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        if (frozen) {
            throw new IllegalStateException("the learner is frozen; observe before freeze()");
        }
        observed++;
        int pathStart = UriParts.pathStart(uri);
        int pathEnd = UriParts.pathEnd(uri, pathStart);
        int queryStart = pathEnd < uri.length() && uri.charAt(pathEnd) == '?' ? pathEnd + 1 : -1;
        int queryEnd = queryStart < 0 ? -1 : UriParts.queryEnd(uri, queryStart);
        List<TemplateRule> rules = options.rules();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).match(method, uri, pathStart, pathEnd) != null) {
                ruleShapes
                        .get(i)
                        .computeIfAbsent(method, m -> new QueryShapes())
                        .record(uri, queryStart, queryEnd, options.maxQueryShapes());
                return;
            }
        }
        LearningNode node = root;
        int from = pathStart;
        int percent = -1;
        while (true) {
            int to = UriParts.segmentEnd(uri, from, pathEnd);
            if (percent < from) {
                percent = UriParts.nextPercent(uri, from);
            }
            node = step(node, uri, from, to, percent < to);
            node.hits++;
            if (to >= pathEnd) {
                break;
            }
            from = to + 1;
        }
        node.shapes(method).record(uri, queryStart, queryEnd, options.maxQueryShapes());
    }

    /** Requests observed so far. */
    public long observed() {
        return observed;
    }

    /**
     * Settles the decisions that need the whole log and returns the immutable catalog. The learner
     * cannot be used afterwards.
     */
    public EndpointCatalog freeze() {
        if (frozen) {
            throw new IllegalStateException("the learner is already frozen");
        }
        frozen = true;
        shaper.settle(root);
        return new CatalogBuilder(options).build(root, ruleShapes);
    }

    /** Trie nodes held now (for tests of the memory bound). */
    long nodeCount() {
        return shaper.nodes();
    }

    /** The child of {@code node} for the segment {@code uri[from, to)} ({@code encoded}: it has a {@code %}). */
    private LearningNode step(LearningNode node, String uri, int from, int to, boolean encoded) {
        String text = encoded ? PercentDecoding.decode(uri, from, to, false) : uri;
        int start = encoded ? 0 : from;
        int end = encoded ? text.length() : to;
        LearningNode literal = node.literals == null ? null : node.literals.get(text, start, end);
        if (literal != null) {
            if (encoded || literal.rawVaries) {
                literal.offerRaw(uri.substring(from, to));
            }
            return literal;
        }
        boolean empty = start == end;
        SegmentClass segmentClass = empty ? SegmentClass.LITERAL : SegmentClassifier.classify(text, start, end);
        if (!empty && (segmentClass.strong() || node.capped)) {
            return shaper.landOnVariable(node, segmentClass);
        }
        String raw = uri.substring(from, to);
        return shaper.newLiteral(node, encoded ? text : raw, raw);
    }
}
