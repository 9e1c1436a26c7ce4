package dev.stampede.report.model;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a file that a killed process may have left with a torn last line: only the lines that end with
 * a line feed. Every result file is written line by line and flushed per interval, so what follows the
 * last line feed is a line cut short, never a complete one.
 */
final class CompleteLines {

    private CompleteLines() {}

    /** The length of {@code file} up to and including its last line feed (0 without one). */
    static long completeLength(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            long end = channel.size();
            while (end > 0) {
                int n = (int) Math.min(buffer.capacity(), end);
                buffer.clear().limit(n);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, end - n + buffer.position()) < 0) {
                        throw new IOException(file + " shrank while it was read");
                    }
                }
                for (int i = n - 1; i >= 0; i--) {
                    if (buffer.get(i) == '\n') {
                        return end - n + i + 1;
                    }
                }
                end -= n;
            }
            return 0;
        }
    }

    /** A reader of {@code file}'s first {@code length} bytes, UTF-8. */
    static BufferedReader open(Path file, long length) throws IOException {
        InputStream limited = new Limited(Files.newInputStream(file), length);
        return new BufferedReader(new InputStreamReader(limited, StandardCharsets.UTF_8), 1 << 16);
    }

    /** An input stream that ends after a given number of bytes. */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
