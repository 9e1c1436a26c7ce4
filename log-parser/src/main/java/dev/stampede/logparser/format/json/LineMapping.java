package dev.stampede.logparser.format.json;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;

/**
 * What a {@link JsonLinesFormat} does with the values it read from a line: map them to record fields
 * ({@link FieldMapping}) or hand one of them to another format ({@link WrappedMapping}).
 */
interface LineMapping {

    /** The paths this mapping reads, with their slots. */
    PathTrie paths();

    /** A mapper for one parsing thread. */
    Mapper newMapper();

    /** The mapping, for {@link JsonLinesFormat#describe()}. */
    String describe();

    /** Fills a record from one line's values; single-threaded. */
    interface Mapper {
        /** {@code null} when {@code record} is filled, else why not. */
        Rejection map(Extraction values, RequestRecord record);
    }
}
