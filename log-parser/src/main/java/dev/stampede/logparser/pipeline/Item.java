package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.RequestRecord;

/**
 * One parsed record on its way to the sink: what ordering needs (start, source line), what accounting
 * needs (source, endpoint key), and the record itself or, when writing a store, its encoded bytes made
 * on the worker (so no record object outlives the worker that parsed it).
 */
final class Item {

    final long startMicros;
    final long sourceLine;
    final String source;
    final String endpoint;
    final RequestRecord record;
    byte[] data;
    final int offset;
    final int length;

    private Item(RequestRecord record, String endpoint, int offset, int length) {
        this.startMicros = record.startMicros();
        this.sourceLine = record.sourceLine();
        this.source = record.sourceFile();
        this.endpoint = endpoint;
        this.offset = offset;
        this.length = length;
        this.record = length < 0 ? record : null;
    }

    /** An item that keeps {@code record} (object mode). */
    static Item of(RequestRecord record, String endpoint) {
        return new Item(record, endpoint, 0, -1);
    }

    /** An item whose record is {@code [offset, offset + length)} of a batch's encoded bytes (set later). */
    static Item encoded(RequestRecord record, String endpoint, int offset, int length) {
        return new Item(record, endpoint, offset, length);
    }

    @Override
    public String toString() {
        return source + ":" + sourceLine + " at " + startMicros + " (" + endpoint + ")";
    }
}
