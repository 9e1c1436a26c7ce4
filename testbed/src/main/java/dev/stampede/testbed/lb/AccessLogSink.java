package dev.stampede.testbed.lb;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file side of {@link AccessLogWriter}: a 64 KiB buffered stream written only by the writer
 * thread. After the first error it stops writing but keeps accepting lines, so the writer keeps
 * draining the queue and no producer blocks forever on a dead log; the error is kept for the writer
 * to report.
 */
final class AccessLogSink {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final OutputStream out;
    private final AtomicLong linesWritten = new AtomicLong();
    private volatile IOException failure;
    private long unflushedLines; // writer thread only

    AccessLogSink(OutputStream out) {
        this.out = new BufferedOutputStream(out, BUFFER_BYTES);
    }

    /** Creates the parent directories and opens {@code file} truncated. */
    static OutputStream open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.newOutputStream(
                    file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open access log " + file + ": " + e, e);
        }
    }

    /** UTF-8 bytes of the line; escaping makes it ASCII unless the format's literals are not. */
    static byte[] encode(StringBuilder line) {
        byte[] bytes = new byte[line.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = line.charAt(i);
            if (c >= 0x80) {
                return line.toString().getBytes(StandardCharsets.UTF_8);
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    /** Lines flushed to the file: a line counts once the stream has accepted a flush after it. */
    long linesWritten() {
        return linesWritten.get();
    }

    /** The first error, or {@code null}. */
    IOException failure() {
        return failure;
    }

    void write(byte[] line) {
        if (failure != null) {
            return;
        }
        try {
            out.write(line);
            out.write('\n');
            unflushedLines++;
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    void flush() {
        if (failure != null || unflushedLines == 0) {
            return;
        }
        try {
            out.flush();
            linesWritten.addAndGet(unflushedLines);
            unflushedLines = 0;
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    void close() {
        flush();
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            if (failure == null) {
                fail(e);
            }
        }
    }

    /** Keeps the first error; a RuntimeException is wrapped so that the writer thread survives it. */
    private void fail(Exception e) {
        failure = e instanceof IOException io ? io : new IOException(e);
    }
}
