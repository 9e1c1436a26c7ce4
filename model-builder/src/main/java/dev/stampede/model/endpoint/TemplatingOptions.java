package dev.stampede.model.endpoint;

import java.util.List;

/**
 * How endpoint templating decides what is a value. {@link #defaults()} suits REST-style APIs and web
 * sites; every limit here also bounds the learning pass's memory.
 *
 * @param maxLiteralChildren the cardinality cap: the most distinct literal segments one trie position
 *     keeps. One more and the position becomes a slot: its literals, and any unseen later, merge into
 *     {@code {var}} (so 10,000 user names under {@code /user/} are one endpoint). Default 100: an API
 *     rarely has more than a few dozen resource names under one parent, ids have thousands.
 * @param rareLeafSiblings a position with more distinct literals than this is also a slot when at least
 *     half of them are rare leaves (seen at most {@code rareLeafMaxHits} times, nothing below them):
 *     article slugs, file names, user names. API resource names are asked for again and again in a
 *     peak-period log and so never look rare. Default 16.
 * @param rareLeafMaxHits the most hits a rare leaf has. Default 2.
 * @param minTickerSiblings an upper-case word ({@code AAPL}, {@code BRK.B}, but also {@code API}) is a
 *     ticker slot only where at least this many distinct ones share the position, or where stock codes
 *     such as {@code 600519} were seen at the same position. Default 3.
 * @param maxQueryShapes the most distinct sets of query parameter names one endpoint path keeps per
 *     method; one more and that path's query is kept whole as one slot (key {@code ...?*}). Default 16.
 * @param maxTrieNodes a safety net for the learning pass's memory: past this many trie nodes, new
 *     literals become slots as if their position were capped. Real logs stay far below; when it does
 *     act, the result depends on the order of the records. Default 1,000,000.
 * @param rules user rules, tried in order before detection; the first match wins
 */
public record TemplatingOptions(
        int maxLiteralChildren,
        int rareLeafSiblings,
        int rareLeafMaxHits,
        int minTickerSiblings,
        int maxQueryShapes,
        int maxTrieNodes,
        List<TemplateRule> rules) {

    public TemplatingOptions {
        positive("maxLiteralChildren", maxLiteralChildren);
        positive("rareLeafSiblings", rareLeafSiblings);
        if (rareLeafMaxHits < 0) {
            throw new IllegalArgumentException("rareLeafMaxHits must be >= 0, not " + rareLeafMaxHits);
        }
        positive("minTickerSiblings", minTickerSiblings);
        positive("maxQueryShapes", maxQueryShapes);
        positive("maxTrieNodes", maxTrieNodes);
        rules = List.copyOf(rules);
    }

    /** The defaults described on each option, without rules. */
    public static TemplatingOptions defaults() {
        return new TemplatingOptions(100, 16, 2, 3, 16, 1_000_000, List.of());
    }

    public TemplatingOptions withRules(List<TemplateRule> value) {
        return new TemplatingOptions(
                maxLiteralChildren,
                rareLeafSiblings,
                rareLeafMaxHits,
                minTickerSiblings,
                maxQueryShapes,
                maxTrieNodes,
                value);
    }

    public TemplatingOptions withMaxLiteralChildren(int value) {
        return new TemplatingOptions(
                value, rareLeafSiblings, rareLeafMaxHits, minTickerSiblings, maxQueryShapes, maxTrieNodes, rules);
    }

    /** Sets both halves of the rare-leaf rule. */
    public TemplatingOptions withRareLeaves(int siblings, int maxHits) {
        return new TemplatingOptions(
                maxLiteralChildren, siblings, maxHits, minTickerSiblings, maxQueryShapes, maxTrieNodes, rules);
    }

    public TemplatingOptions withMinTickerSiblings(int value) {
        return new TemplatingOptions(
                maxLiteralChildren, rareLeafSiblings, rareLeafMaxHits, value, maxQueryShapes, maxTrieNodes, rules);
    }

    public TemplatingOptions withMaxQueryShapes(int value) {
        return new TemplatingOptions(
                maxLiteralChildren, rareLeafSiblings, rareLeafMaxHits, minTickerSiblings, value, maxTrieNodes, rules);
    }

    public TemplatingOptions withMaxTrieNodes(int value) {
        return new TemplatingOptions(
                maxLiteralChildren, rareLeafSiblings, rareLeafMaxHits, minTickerSiblings, maxQueryShapes, value, rules);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, not " + value);
        }
    }
}
