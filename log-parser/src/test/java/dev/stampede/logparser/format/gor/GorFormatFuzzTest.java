package dev.stampede.logparser.format.gor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.CollectingSink;
import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.RequestRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated {@code .gor} documents never make the reader throw, and what it reports stays
 * coherent: events in input order, lines inside the document, records with what a record needs.
 */
class GorFormatFuzzTest {

    private static final int DOCUMENTS = 2_000;

    @Test
    void mutatedCapturesNeverThrowAndStayInInputOrder() throws IOException {
        byte[] capture = Files.readAllBytes(Datasets.file("goreplay-datadog-ecommerce/requests_0.original.gor"));
        SplittableRandom random = new SplittableRandom(20_190_910);
        // A small window and entry limit too, so eviction and the too-long path are fuzzed as well.
        GorFormat[] formats = {GorFormat.create(), GorFormat.withLimits(3, 4_096, 2_048)};
        int records = 0;
        int rejections = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] document = mutate(slice(capture, random), random);
            GorFormat format = formats[i % formats.length];
            CollectingSink sink = CollectingSink.read(format, document);
            long lines = countLines(document);
            assertThat(sink.lines())
                    .as("document %d", i)
                    .isSorted()
                    .allSatisfy(line -> assertThat(line).isBetween(1L, lines));
            for (RequestRecord record : sink.records) {
                assertThat(record.method()).isNotEmpty();
                assertThat(record.uri()).isNotEmpty();
                assertThat(record.startMicros()).isNotNegative();
                assertThat(record.status()).isIn(0, 200);
            }
            assertThat(sink.rejections)
                    .allSatisfy(rejected -> assertThat(rejected.why()).isNotNull());
            records += sink.records.size();
            rejections += sink.rejections.size();
        }
        // The mutations must leave both outcomes common, or the test would prove little.
        assertThat(records).isGreaterThan(DOCUMENTS * 3);
        assertThat(rejections).isGreaterThan(DOCUMENTS);
    }

    @Test
    void randomBytesNeverThrow() {
        SplittableRandom random = new SplittableRandom(42);
        byte[] alphabet = "1 23\n\r:HTTP/GET abc🐵🙈🙉".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] document = new byte[random.nextInt(400)];
            for (int j = 0; j < document.length; j++) {
                document[j] =
                        random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            CollectingSink sink = CollectingSink.read(GorFormat.create(), document);
            assertThat(sink.lines()).isSorted();
        }
    }

    /** A run of whole entries from the capture, with responses made up for some of them. */
    private static byte[] slice(byte[] capture, SplittableRandom random) {
        int start = random.nextInt(capture.length / 2);
        int end = Math.min(capture.length, start + 1 + random.nextInt(20_000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(capture, start, end - start);
        if (random.nextBoolean()) {
            out.writeBytes(new GorFile()
                    .response(2, "b33c9c1a2bae6636d5389a1a47035170c58d367e", 1, 1, "HTTP/1.1 200 OK\r\n\r\n")
                    .response(3, "zz", 5, -1, "HTTP/1.1 500 No\r\n\r\n")
                    .toBytes());
        }
        return out.toByteArray();
    }

    private static byte[] mutate(byte[] document, SplittableRandom random) {
        byte[] bytes = document;
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            switch (random.nextInt(5)) {
                case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 1 -> {
                    for (int flips = random.nextInt(1, 20); flips > 0; flips--) {
                        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    }
                }
                case 2 -> bytes = dropFirst(bytes, GorFile.SEPARATOR, random.nextInt(bytes.length));
                case 3 -> bytes = insert(bytes, GorFile.SEPARATOR, random.nextInt(bytes.length));
                default ->
                    bytes = insert(
                            bytes,
                            "\r\n\n1 x 9\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                            random.nextInt(bytes.length));
            }
        }
        return bytes;
    }

    private static byte[] dropFirst(byte[] bytes, byte[] what, int from) {
        for (int i = from; i + what.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
                byte[] out = new byte[bytes.length - what.length];
                System.arraycopy(bytes, 0, out, 0, i);
                System.arraycopy(bytes, i + what.length, out, i, bytes.length - i - what.length);
                return out;
            }
        }
        return bytes;
    }

    private static byte[] insert(byte[] bytes, byte[] what, int at) {
        byte[] out = new byte[bytes.length + what.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(bytes, at, out, at + what.length, bytes.length - at);
        return out;
    }

    private static long countLines(byte[] bytes) {
        long lines = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
