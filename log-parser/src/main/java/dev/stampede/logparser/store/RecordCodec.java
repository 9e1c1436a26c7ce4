package dev.stampede.logparser.store;

import dev.stampede.logparser.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of one record in store format version 1. A string is its UTF-8 bytes after a
 * stop-bit byte count, -1 for {@code null} (written by hand: Chronicle's own UTF-8 writer reaches into
 * {@code String} internals by reflection, which cost more than the rest of the encoding); the source
 * file is an index into the store's file table.
 *
 * <pre>
 * byte 'R' | startMicros long | method, uri, protocol, host utf8 | status short | bytesSent,
 * requestTimeMicros, upstreamTimeMicros long | clientAddress utf8 | headers, cookies, extras (stop-bit
 * count, then name/value utf8 pairs) | body (stop-bit length + 1, 0 for none, then bytes) | file
 * stop-bit | line stop-bit
 * </pre>
 *
 * <p>Records travel in batch excerpts: {@code byte 'B' | count stop-bit | records}. File-table entries
 * ({@code byte 'F' | id stop-bit | name utf8}) come before the first record that names the file.
 */
final class RecordCodec {

    static final byte RECORD = 'R';
    static final byte FILE = 'F';
    static final byte HEADER = 'H';
    static final byte BATCH = 'B';

    private RecordCodec() {}

    static void write(RequestRecord record, int fileId, Bytes<?> out) {
        out.writeByte(RECORD);
        out.writeLong(record.startMicros());
        writeString(record.method(), out);
        writeString(record.uri(), out);
        writeString(record.protocol(), out);
        writeString(record.host(), out);
        out.writeShort((short) record.status());
        out.writeLong(record.bytesSent());
        out.writeLong(record.requestTimeMicros());
        out.writeLong(record.upstreamTimeMicros());
        writeString(record.clientAddress(), out);
        writeMap(record.headers(), out);
        writeMap(record.cookies(), out);
        writeMap(record.extras(), out);
        byte[] body = record.body();
        out.writeStopBit(body == null ? 0 : body.length + 1L);
        if (body != null) {
            out.write(body);
        }
        out.writeStopBit(fileId);
        out.writeStopBit(record.sourceLine());
    }

    /** Reads a record (after its tag byte) into {@code record}; returns the file id. */
    static int read(Bytes<?> in, RequestRecord record) {
        record.reset();
        record.startMicros(in.readLong())
                .method(readString(in))
                .uri(readString(in))
                .protocol(readString(in))
                .host(readString(in))
                .status(in.readShort())
                .bytesSent(in.readLong())
                .requestTimeMicros(in.readLong())
                .upstreamTimeMicros(in.readLong())
                .clientAddress(readString(in));
        for (long i = in.readStopBit(); i > 0; i--) {
            record.header(readString(in), readString(in));
        }
        for (long i = in.readStopBit(); i > 0; i--) {
            record.cookie(readString(in), readString(in));
        }
        for (long i = in.readStopBit(); i > 0; i--) {
            record.extra(readString(in), readString(in));
        }
        long bodyLength = in.readStopBit();
        if (bodyLength > 0) {
            byte[] body = new byte[(int) (bodyLength - 1)];
            in.read(body);
            record.body(body);
        }
        int fileId = (int) in.readStopBit();
        long line = in.readStopBit();
        record.source(null, line);
        return fileId;
    }

    private static void writeMap(Map<String, String> map, Bytes<?> out) {
        out.writeStopBit(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            writeString(entry.getKey(), out);
            writeString(entry.getValue(), out);
        }
    }

    static void writeString(String value, Bytes<?> out) {
        if (value == null) {
            out.writeStopBit(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeStopBit(bytes.length);
        out.write(bytes);
    }

    static String readString(Bytes<?> in) {
        long length = in.readStopBit();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[(int) length];
        in.read(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
