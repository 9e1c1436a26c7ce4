package dev.stampede.logparser.format.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.CollectingSink;
import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.RequestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutated and random HAR documents never make the reader throw, and what it reports stays coherent:
 * events in input order, lines inside the document, records with what a record needs.
 */
class HarFormatFuzzTest {

    private static final int DOCUMENTS = 2_000;
    private static final List<String> FILES = List.of(
            "charles.har",
            "chrome.har",
            "firefox.har",
            "head-content-length.har",
            "insomnia.har",
            "postdata.har",
            "with-bom.har");
    private static final byte[] JSON_BYTES = "{}[],:\"\\ 0-.eE\ntrufalsn".getBytes(StandardCharsets.US_ASCII);

    @Test
    void mutatedExportsNeverThrow() throws IOException {
        byte[][] exports = new byte[FILES.size()][];
        for (int i = 0; i < exports.length; i++) {
            exports[i] = Files.readAllBytes(Datasets.file("har-mitmproxy-browser-exports/" + FILES.get(i)));
        }
        SplittableRandom random = new SplittableRandom(2023_03_30);
        int records = 0;
        int rejections = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] document = mutate(exports[random.nextInt(exports.length)].clone(), random);
            CollectingSink sink = CollectingSink.read(HarFormat.create(), document);
            assertCoherent(sink, document, i);
            records += sink.records.size();
            rejections += sink.rejections.size();
        }
        // The mutations must leave both outcomes common, or the test would prove little.
        assertThat(records).isGreaterThan(DOCUMENTS);
        assertThat(rejections).isGreaterThan(DOCUMENTS / 2);
    }

    @Test
    void randomJsonLikeBytesNeverThrow() {
        SplittableRandom random = new SplittableRandom(7);
        byte[] prefix = "{\"log\":{\"entries\":[{\"request\":".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] document = new byte[random.nextInt(300)];
            for (int j = 0; j < document.length; j++) {
                document[j] = random.nextInt(8) == 0
                        ? (byte) random.nextInt(256)
                        : JSON_BYTES[random.nextInt(JSON_BYTES.length)];
            }
            if (random.nextBoolean()) {
                document = concat(prefix, document);
            }
            assertCoherent(CollectingSink.read(HarFormat.create(), document), document, i);
        }
    }

    private static void assertCoherent(CollectingSink sink, byte[] document, int index) {
        long lines = 1;
        for (byte b : document) {
            if (b == '\n') {
                lines++;
            }
        }
        long lastLine = lines;
        assertThat(sink.lines())
                .as("document %d", index)
                .isSorted()
                .allSatisfy(line -> assertThat(line).isBetween(1L, lastLine));
        for (RequestRecord record : sink.records) {
            assertThat(record.method()).isNotEmpty();
            assertThat(record.uri()).startsWith("/");
            assertThat(record.status()).isBetween(0, 999);
        }
    }

    private static byte[] mutate(byte[] bytes, SplittableRandom random) {
        byte[] out = bytes;
        int mutations = random.nextInt(1, 4);
        for (int m = 0; m < mutations && out.length > 0; m++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(6)) {
                case 0 -> out = Arrays.copyOf(out, at);
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out[at] = JSON_BYTES[random.nextInt(JSON_BYTES.length)];
                case 3 ->
                    out = concat(
                            Arrays.copyOf(out, at),
                            Arrays.copyOfRange(out, Math.min(out.length, at + random.nextInt(1, 200)), out.length));
                case 4 ->
                    out = concat(
                            Arrays.copyOf(out, at),
                            concat(
                                    new byte[] {JSON_BYTES[random.nextInt(JSON_BYTES.length)]},
                                    Arrays.copyOfRange(out, at, out.length)));
                default -> {
                    // Swap a value's quotes for nothing: strings become bare words, numbers strings.
                    int quote = indexOf(out, (byte) '"', at);
                    if (quote >= 0) {
                        out = concat(Arrays.copyOf(out, quote), Arrays.copyOfRange(out, quote + 1, out.length));
                    }
                }
            }
        }
        return out;
    }

    private static int indexOf(byte[] bytes, byte what, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == what) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
