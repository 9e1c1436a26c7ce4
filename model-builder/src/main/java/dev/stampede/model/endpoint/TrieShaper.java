package dev.stampede.model.endpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Learning pass: the structural changes to the trie. Caps a position (its literals merge into its slot
 * child), merges subtrees, and at freeze time settles the decisions that need the whole log (rare
 * leaves, tickers). Every decision depends only on the set of records seen and their counts, not on
 * their order (the node budget aside), so a shuffled log gives the same templates.
 */
final class TrieShaper {

    private final TemplatingOptions options;
    private long nodes;

    TrieShaper(TemplatingOptions options) {
        this.options = options;
    }

    long nodes() {
        return nodes;
    }

    LearningNode newRoot() {
        nodes++;
        return new LearningNode(null);
    }

    /** The slot child of {@code node} after a value of class {@code valueClass} landed on it. */
    LearningNode landOnVariable(LearningNode node, SegmentClass valueClass) {
        LearningNode variable = variableOf(node);
        variable.countClass(valueClass, 1);
        return variable;
    }

    /**
     * A new literal child under {@code node}, or the slot child when the position is full (cardinality
     * cap or node budget): then the position is capped first.
     */
    LearningNode newLiteral(LearningNode node, String key, String raw) {
        if (!key.isEmpty()
                && (node.valueLiteralCount() >= options.maxLiteralChildren() || nodes >= options.maxTrieNodes())) {
            cap(node);
            return landOnVariable(node, SegmentClassifier.classify(key));
        }
        LearningNode child = new LearningNode(raw);
        child.rawVaries = !raw.equals(key);
        nodes++;
        if (node.literals == null) {
            node.literals = new SegmentMap<>();
        }
        node.literals.put(key, child);
        return child;
    }

    /** Makes every non-empty literal of {@code node}, now and later, a value of its slot child. */
    void cap(LearningNode node) {
        if (node.capped) {
            return;
        }
        node.capped = true;
        variableOf(node);
        SegmentMap<LearningNode> old = node.literals;
        node.literals = null;
        if (old != null) {
            old.forEach((key, child) -> adopt(node, key, child));
        }
        // A slot that may hold any word may hold a ticker.
        node.acceptsTickers = true;
    }

    /** Freeze time: settles {@code node} and everything below it, top down. */
    void settle(LearningNode node) {
        if (!node.capped && isValuePosition(node)) {
            cap(node);
        }
        if (!node.capped) {
            promoteTickers(node);
        }
        if (node.literals != null) {
            node.literals.forEach((key, child) -> settle(child));
        }
        if (node.variable != null) {
            settle(node.variable);
        }
    }

    /** The rare-leaf rule: many literals here, mostly seen once or twice and leading nowhere. */
    private boolean isValuePosition(LearningNode node) {
        int literals = node.valueLiteralCount();
        if (literals <= options.rareLeafSiblings()) {
            return false;
        }
        int[] rare = new int[1];
        node.literals.forEach((key, child) -> {
            if (!key.isEmpty() && child.isLeaf() && child.hits <= options.rareLeafMaxHits()) {
                rare[0]++;
            }
        });
        return rare[0] * 2 >= literals;
    }

    /** Tickers become values where several share the position, or where stock codes were seen. */
    private void promoteTickers(LearningNode node) {
        boolean codesHere = node.variable != null && node.variable.classHits(SegmentClass.CODE) > 0;
        List<String> tickers = new ArrayList<>();
        if (node.literals != null) {
            node.literals.forEach((key, child) -> {
                if (SegmentClassifier.classify(key) == SegmentClass.TICKER) {
                    tickers.add(key);
                }
            });
        }
        if (!codesHere && tickers.size() < options.minTickerSiblings()) {
            return;
        }
        node.acceptsTickers = true;
        if (tickers.isEmpty()) {
            return;
        }
        SegmentMap<LearningNode> old = node.literals;
        node.literals = new SegmentMap<>(old.size());
        old.forEach((key, child) -> {
            if (tickers.contains(key)) {
                toVariable(node, key, child);
            } else {
                node.literals.put(key, child);
            }
        });
    }

    /** Merges {@code from} (a node about to be dropped) into {@code into}. */
    void merge(LearningNode into, LearningNode from) {
        into.hits += from.hits;
        if (from.classHits != null) {
            for (int i = 0; i < from.classHits.length; i++) {
                into.countClass(SegmentClass.of(i), from.classHits[i]);
            }
        }
        if (into.raw != null && from.raw != null) {
            // Two spellings of one literal (a slot node has no spelling).
            into.offerRaw(from.raw);
            into.rawVaries |= from.rawVaries;
        }
        into.acceptsTickers |= from.acceptsTickers;
        if (from.capped) {
            cap(into);
        }
        if (from.variable != null) {
            merge(variableOf(into), from.variable);
        }
        if (from.literals != null) {
            from.literals.forEach((key, child) -> adopt(into, key, child));
        }
        if (from.methods != null) {
            from.methods.forEach((method, shapes) -> into.shapes(method).merge(shapes, options.maxQueryShapes()));
        }
        nodes--;
    }

    /** Gives {@code node} the literal child {@code child}, merging where it already has one. */
    private void adopt(LearningNode node, String key, LearningNode child) {
        if (!key.isEmpty() && node.capped) {
            toVariable(node, key, child);
            return;
        }
        LearningNode existing = node.literal(key);
        if (existing != null) {
            merge(existing, child);
        } else if (!key.isEmpty() && node.valueLiteralCount() >= options.maxLiteralChildren()) {
            cap(node);
            toVariable(node, key, child);
        } else {
            if (node.literals == null) {
                node.literals = new SegmentMap<>();
            }
            node.literals.put(key, child);
        }
    }

    /** Merges the literal child {@code child} into the slot child, counting its hits as values. */
    private void toVariable(LearningNode node, String key, LearningNode child) {
        LearningNode variable = variableOf(node);
        variable.countClass(SegmentClassifier.classify(key), child.hits);
        merge(variable, child);
    }

    private LearningNode variableOf(LearningNode node) {
        if (node.variable == null) {
            node.variable = new LearningNode(null);
            nodes++;
        }
        return node.variable;
    }
}
