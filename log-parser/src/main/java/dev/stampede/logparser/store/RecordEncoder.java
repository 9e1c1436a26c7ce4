package dev.stampede.logparser.store;

import dev.stampede.logparser.RequestRecord;

/**
 * Encodes records in the store's format (see {@link RecordCodec}) into a growing buffer, on any thread:
 * the parse workers encode in parallel and the writer only copies bytes. Repeated strings become ids
 * of the store's {@link StringDictionary}. One encoder per thread.
 */
public final class RecordEncoder {

    private static final int CACHE_SLOTS = 1024;

    private final ByteSink out = new ByteSink(1 << 20);
    private final StringDictionary dictionary;
    private int maxDictionaryId = -1;
    // This thread's recent dictionary hits, found by a hash of a few characters: a user agent is
    // compared (a vectorised equals) instead of hashed in full for the shared table on every record.
    private final String[] cachedValues = new String[CACHE_SLOTS];
    private final int[] cachedIds = new int[CACHE_SLOTS];

    RecordEncoder(StringDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Appends {@code record}, naming its source by {@code fileId} (from {@link RecordStoreWriter#registerFile}). */
    public void encode(RequestRecord record, int fileId) {
        out.writeZigZag(record.startMicros());
        shared(record.method());
        inline(record.uri());
        shared(record.protocol());
        shared(record.host());
        out.writeZigZag(record.status());
        out.writeZigZag(record.bytesSent());
        out.writeZigZag(record.requestTimeMicros());
        out.writeZigZag(record.upstreamTimeMicros());
        inline(record.clientAddress());
        encodeFields(record);
        byte[] body = record.body();
        out.writeVarLong(body == null ? 0 : body.length + 1L);
        if (body != null) {
            out.write(body, 0, body.length);
        }
        out.writeVarLong(fileId);
        out.writeVarLong(record.sourceLine());
    }

    /** Headers, cookies and extras, by position (no map views or entry objects per record). */
    private void encodeFields(RequestRecord record) {
        int headers = record.headerCount();
        out.writeVarLong(headers);
        for (int i = 0; i < headers; i++) {
            shared(record.headerName(i));
            shared(record.headerValue(i));
        }
        int cookies = record.cookieCount();
        out.writeVarLong(cookies);
        for (int i = 0; i < cookies; i++) {
            shared(record.cookieName(i));
            inline(record.cookieValue(i));
        }
        int extras = record.extraCount();
        out.writeVarLong(extras);
        for (int i = 0; i < extras; i++) {
            shared(record.extraName(i));
            inline(record.extraValue(i));
        }
    }

    private void shared(String value) {
        if (value == null) {
            out.writeByte(RecordCodec.NULL_STRING);
            return;
        }
        int id = idOf(value);
        if (id < 0) {
            out.writeByte(RecordCodec.INLINE_STRING);
            out.writeUtf8(value);
            return;
        }
        out.writeVarLong(id + (long) RecordCodec.FIRST_STRING_ID);
        maxDictionaryId = Math.max(maxDictionaryId, id);
    }

    private int idOf(String value) {
        int length = value.length();
        int hash = length;
        if (length > 0) {
            hash = hash * 31 + value.charAt(length - 1);
            hash = hash * 31 + value.charAt(length >> 1);
            hash = hash * 31 + value.charAt(length >> 2);
            hash = hash * 31 + value.charAt((length * 3) >> 2);
        }
        int slot = (hash ^ (hash >>> 10)) & (CACHE_SLOTS - 1);
        String cached = cachedValues[slot];
        if (cached != null && cached.equals(value)) {
            return cachedIds[slot];
        }
        int id = dictionary.idOf(value);
        if (id >= 0) {
            cachedValues[slot] = value;
            cachedIds[slot] = id;
        }
        return id;
    }

    private void inline(String value) {
        if (value == null) {
            out.writeByte(RecordCodec.NULL_STRING);
            return;
        }
        out.writeByte(RecordCodec.INLINE_STRING);
        out.writeUtf8(value);
    }

    /** Bytes encoded since the last {@link #take}. */
    public int position() {
        return out.position();
    }

    /** The largest dictionary id the records since the last {@link #take} use, -1 for none. */
    public int maxDictionaryId() {
        return maxDictionaryId;
    }

    /** The bytes encoded since the last call, as a new array; starts over. */
    public byte[] take() {
        byte[] bytes = out.toByteArray();
        out.clear();
        maxDictionaryId = -1;
        return bytes;
    }
}
