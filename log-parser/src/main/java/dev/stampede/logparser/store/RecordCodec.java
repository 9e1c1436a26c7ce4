package dev.stampede.logparser.store;

import dev.stampede.logparser.RequestRecord;
import java.util.List;

/**
 * The binary layout of store format version 2. Numbers are varints (LEB128; signed fields zigzag, so
 * {@link RequestRecord#UNKNOWN} takes one byte). A string is a varint tag: 0 for {@code null}, 1 for
 * inline (varint byte count, then UTF-8), or {@code 2 + id} for an entry of the store's string table.
 *
 * <pre>
 * record:  startMicros s | method t | uri t | protocol t | host t | status s | bytesSent s |
 *          requestTimeMicros s | upstreamTimeMicros s | clientAddress t |
 *          headers, cookies, extras: count u, then name t / value t pairs |
 *          body: length + 1 u (0 for none), then bytes | file id u | line u
 *          (s: zigzag varint, u: varint, t: string tag)
 * </pre>
 *
 * <p>Excerpts, each starting with a tag byte: {@code 'H'} the header (magic, version, creation time,
 * format; Chronicle's own encoding, unchanged since version 1 so old stores are recognised);
 * {@code 'F' | id | name} a file-table entry; {@code 'D' | first id u | count u | strings} string-table
 * entries; {@code 'B' | count u | records} a batch of records. An 'F' or 'D' entry comes before the
 * first record that uses it.
 */
final class RecordCodec {

    static final byte FILE = 'F';
    static final byte HEADER = 'H';
    static final byte BATCH = 'B';
    static final byte STRINGS = 'D';

    static final int NULL_STRING = 0;
    static final int INLINE_STRING = 1;
    static final int FIRST_STRING_ID = 2;

    private RecordCodec() {}

    /** Reads one record into {@code record}; returns its file id. */
    static int read(ByteSource in, List<String> strings, RequestRecord record) {
        record.reset();
        record.startMicros(in.readZigZag())
                .method(string(in, strings))
                .uri(string(in, strings))
                .protocol(string(in, strings))
                .host(string(in, strings))
                .status((int) in.readZigZag())
                .bytesSent(in.readZigZag())
                .requestTimeMicros(in.readZigZag())
                .upstreamTimeMicros(in.readZigZag())
                .clientAddress(string(in, strings));
        for (long i = count(in); i > 0; i--) {
            record.header(string(in, strings), string(in, strings));
        }
        for (long i = count(in); i > 0; i--) {
            record.cookie(string(in, strings), string(in, strings));
        }
        for (long i = count(in); i > 0; i--) {
            record.extra(string(in, strings), string(in, strings));
        }
        long bodyLength = in.readVarLong();
        if (bodyLength > 0) {
            record.body(in.readBytes((int) Math.min(Integer.MAX_VALUE, bodyLength - 1)));
        }
        long fileId = in.readVarLong();
        record.source(null, in.readVarLong());
        return (int) fileId;
    }

    private static long count(ByteSource in) {
        long count = in.readVarLong();
        if (count < 0 || count > 1_000_000) {
            throw new CorruptStoreException("a record claims " + count + " headers, cookies or fields");
        }
        return count;
    }

    private static String string(ByteSource in, List<String> strings) {
        long tag = in.readVarLong();
        if (tag == NULL_STRING) {
            return null;
        }
        if (tag == INLINE_STRING) {
            return in.readUtf8();
        }
        long id = tag - FIRST_STRING_ID;
        if (id < 0 || id >= strings.size()) {
            throw new CorruptStoreException("string id " + id + " used before it was defined");
        }
        return strings.get((int) id);
    }
}
