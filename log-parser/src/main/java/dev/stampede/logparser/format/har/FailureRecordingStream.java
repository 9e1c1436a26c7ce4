package dev.stampede.logparser.format.har;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers an I/O failure of the input, so that it can be told apart from the parser's own
 * {@link IOException}s about content (Jackson reports bad JSON and bad encodings as IOExceptions too):
 * the first is thrown on, the second is a rejection.
 */
final class FailureRecordingStream extends FilterInputStream {

    private IOException failure;

    FailureRecordingStream(InputStream in) {
        super(in);
    }

    /** The input's failure, or {@code null} when it has not failed. */
    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long count) throws IOException {
        try {
            return super.skip(count);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int available() throws IOException {
        try {
            return super.available();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() {
        // The caller owns the input and closes it.
    }
}
