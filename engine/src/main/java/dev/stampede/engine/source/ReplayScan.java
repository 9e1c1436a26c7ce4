package dev.stampede.engine.source;

import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.store.RecordStoreReader;
import dev.stampede.model.endpoint.Endpoint;
import dev.stampede.model.endpoint.EndpointCatalog;
import dev.stampede.model.endpoint.EndpointLearner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first pass over a record store before a replay: which records the options select, their time
 * span and busiest second (for ring sizing and the duration), the endpoint templates they fall into
 * (the results are keyed by them, as in a model of the same store), and the cookies that carry
 * sessions. Bounded memory: the endpoint learner's trie is bounded, the rest is counters.
 *
 * @param catalog the endpoint templates of the selected records
 * @param endpointNames the templates' keys (e.g. {@code GET /api/quote/{code}}), in catalog order
 * @param selected records selected by window and filters (before multipliers and amplification)
 * @param firstMicros start of the first selected record (epoch µs); 0 when none
 * @param lastMicros start of the last selected record
 * @param busiestSecond the most selected records that started in one second
 * @param sessionCookies the cookies that carry sessions (given, or found)
 * @param records every record in the store
 */
public record ReplayScan(
        EndpointCatalog catalog,
        List<String> endpointNames,
        long selected,
        long firstMicros,
        long lastMicros,
        long busiestSecond,
        Set<String> sessionCookies,
        long records) {

    private static final String UPSTREAM_COOKIE = "upstream_cookie_";

    /** Reads the whole store once. */
    public static ReplayScan of(ReplayOptions options) {
        EndpointLearner learner = new EndpointLearner();
        long selected = 0;
        long records = 0;
        long first = 0;
        long last = 0;
        long second = Long.MIN_VALUE;
        long inSecond = 0;
        long busiest = 0;
        Set<String> created = new TreeSet<>();
        RequestRecord record = new RequestRecord();
        try (RecordStoreReader reader = RecordStoreReader.open(options.store())) {
            while (reader.next(record)) {
                records++;
                if (!selects(options, record)) {
                    continue;
                }
                learner.observe(record.method(), record.uri());
                long start = record.startMicros();
                if (selected++ == 0) {
                    first = start;
                }
                last = Math.max(last, start);
                long s = Math.floorDiv(start, 1_000_000L);
                if (s != second) {
                    second = s;
                    inSecond = 0;
                }
                busiest = Math.max(busiest, ++inSecond);
                if (options.sessionCookies() == null) {
                    for (int i = 0; i < record.extraCount(); i++) {
                        String name = record.extraName(i);
                        String value = record.extraValue(i);
                        if (name.startsWith(UPSTREAM_COOKIE) && value != null && !value.isEmpty()) {
                            created.add(name.substring(UPSTREAM_COOKIE.length()));
                        }
                    }
                }
            }
        }
        EndpointCatalog catalog = learner.freeze();
        List<String> names = new ArrayList<>();
        for (Endpoint endpoint : catalog.endpoints()) {
            names.add(endpoint.key());
        }
        Set<String> sessions = options.sessionCookies() != null ? options.sessionCookies() : Set.copyOf(created);
        return new ReplayScan(catalog, List.copyOf(names), selected, first, last, busiest, sessions, records);
    }

    /** Whether the window and the filters select this record. */
    static boolean selects(ReplayOptions options, RequestRecord record) {
        long start = record.startMicros();
        return start >= options.fromMicros()
                && start < options.toMicros()
                && record.method() != null
                && record.uri() != null
                && ((options.include().isEmpty() && options.exclude().isEmpty())
                        || options.selects(methodAndPath(record)));
    }

    /** {@code METHOD /path}, what filters and multipliers match. */
    static String methodAndPath(RequestRecord record) {
        return record.method() + " " + record.path();
    }

    /** The selected records' span, first to last start, in microseconds. */
    public long spanMicros() {
        return lastMicros - firstMicros;
    }
}
