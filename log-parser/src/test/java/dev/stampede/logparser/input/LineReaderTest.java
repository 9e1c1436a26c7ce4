package dev.stampede.logparser.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    /** Hands out at most a random few bytes per read, so lines cross buffer refills anywhere. */
    private static InputStream trickle(byte[] bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(100_000)));
            }
        };
    }

    private static List<String> readAll(LineReader reader, List<Boolean> tooLong) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
            tooLong.add(reader.lastWasTooLong());
            assertThat(reader.lineNumber()).isEqualTo(lines.size());
        }
        return lines;
    }

    @Test
    void splitsOnNewlinesDropsCarriageReturnsAndKeepsEveryByte() throws IOException {
        byte[] text = "a\r\n\nb\u00ff\u0080c\rd\nlast".getBytes(StandardCharsets.ISO_8859_1);
        List<Boolean> tooLong = new ArrayList<>();

        List<String> lines = readAll(new LineReader(new ByteArrayInputStream(text), 1 << 20), tooLong);

        assertThat(lines).containsExactly("a", "", "b\u00ff\u0080c\rd", "last");
        assertThat(tooLong).containsOnly(false);
    }

    @Test
    void longLinesAreCutAndFlaggedAndTheRestSkipped() throws IOException {
        String text = "short\n" + "x".repeat(100) + "\nnext\n" + "y".repeat(9) + "\r\n"; // the limit counts the \r
        List<Boolean> tooLong = new ArrayList<>();

        List<String> lines = readAll(
                new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), 10), tooLong);

        assertThat(lines).containsExactly("short", "x".repeat(10), "next", "y".repeat(9));
        assertThat(tooLong).containsExactly(false, true, false, false);
    }

    @Test
    void randomLinesAcrossRandomReadsComeBackExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            List<String> expected = new ArrayList<>();
            int count = random.nextInt(2000);
            for (int i = 0; i < count; i++) {
                int length = random.nextInt(10) == 0 ? random.nextInt(200_000) : random.nextInt(300);
                StringBuilder line = new StringBuilder(length);
                for (int c = 0; c < length; c++) {
                    char ch = (char) random.nextInt(256);
                    line.append(ch == '\n' || ch == '\r' ? 'n' : ch);
                }
                expected.add(line.toString());
                bytes.writeBytes(line.toString().getBytes(StandardCharsets.ISO_8859_1));
                bytes.writeBytes(random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
            }
            List<Boolean> tooLong = new ArrayList<>();

            List<String> lines = readAll(new LineReader(trickle(bytes.toByteArray(), round), 1 << 20), tooLong);

            assertThat(lines).as("round %d", round).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void batchesOfBytesHoldTheSameLinesAsOneAtATime() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < 5000; i++) {
            int length = random.nextInt(20) == 0 ? 50 + random.nextInt(100) : random.nextInt(40);
            for (int c = 0; c < length; c++) {
                bytes.write(random.nextInt(10) == 0 ? '\r' : 'a' + random.nextInt(26));
            }
            bytes.write('\n');
        }
        bytes.writeBytes("tail without newline".getBytes(StandardCharsets.ISO_8859_1));
        List<Boolean> flags = new ArrayList<>();
        List<String> expected = readAll(new LineReader(trickle(bytes.toByteArray(), 1), 60), flags);

        LineReader reader = new LineReader(trickle(bytes.toByteArray(), 2), 60);
        List<String> batched = new ArrayList<>();
        List<Boolean> batchedFlags = new ArrayList<>();
        LineBatch batch = new LineBatch(4, 16);
        for (int n = reader.fill(batch, 1 + random.nextInt(300));
                n > 0;
                n = reader.fill(batch, 1 + random.nextInt(300))) {
            assertThat(batch.size()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                batched.add(batch.line(i));
                batchedFlags.add(batch.tooLong(i));
            }
            assertThat(reader.lineNumber()).isEqualTo(batched.size());
        }

        assertThat(batched).containsExactlyElementsOf(expected).hasSize(5001);
        assertThat(batchedFlags).containsExactlyElementsOf(flags).contains(true);
        assertThat(batched.get(5000)).isEqualTo("tail without newline");
    }
}
