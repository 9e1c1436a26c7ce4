package dev.stampede.model.endpoint;

/**
 * A position of the frozen path trie. Immutable once built; shared by all threads.
 *
 * @param path the template through this position and its learned endpoints
 * @param literals literal children by decoded segment text
 * @param variable the slot child, or {@code null}
 * @param capped whether an unseen non-empty literal here is a value
 * @param acceptsTickers whether a ticker-like word here is a value
 */
record FrozenNode(
        PathTemplate path,
        SegmentMap<FrozenNode> literals,
        FrozenNode variable,
        boolean capped,
        boolean acceptsTickers) {

    /** Whether a segment of class {@code segmentClass} that is not a known literal takes the slot child. */
    boolean takesValue(SegmentClass segmentClass) {
        return variable != null
                && (segmentClass.strong() || capped || (segmentClass == SegmentClass.TICKER && acceptsTickers));
    }
}
