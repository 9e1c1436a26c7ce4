package dev.stampede.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;

class HlogTagsTest {

    @Test
    void escapesWhatHdrHistogramsReaderSplitsOnAndKeepsTheRestReadable() {
        assertThat(HlogTags.endpointTag(Metric.LATENCY, "GET /api/quote/{code}"))
                .isEqualTo("latency:GET%20/api/quote/{code}");
        assertThat(HlogTags.endpointTag(Metric.SEND_LAG, "POST /orders?a=1&b=2"))
                .isEqualTo("send-lag:POST%20/orders?a=1&b=2");
        assertThat(HlogTags.escape("a,b")).isEqualTo("a%2Cb");
        assertThat(HlogTags.escape("100%")).isEqualTo("100%25");
        assertThat(HlogTags.escape("tab\there\r\nnl")).isEqualTo("tab%09here%0D%0Anl");
        assertThat(HlogTags.escape("caf\u00e9")).isEqualTo("caf%C3%A9");
        assertThat(HlogTags.escape("\u007f")).isEqualTo("%7F");
        assertThat(HlogTags.escape("!~:#=\"")).isEqualTo("!~:#=\"");
    }

    @Test
    void overallLatencyIsUntaggedSoHistogramLogProcessorReportsItByDefault() {
        assertThat(HlogTags.overallTag(Metric.LATENCY)).isNull();
        assertThat(HlogTags.overallTag(Metric.SERVICE)).isEqualTo("service");
        assertThat(HlogTags.overallTag(Metric.SEND_LAG)).isEqualTo("send-lag");
    }

    @Test
    void escapingIsInjectiveAndReversibleForRandomNames() {
        Random random = new Random(42);
        String alphabet = "ab /,%\t\n\u00e9\u4e2d{}";
        Map<String, String> nameByEscaped = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String escaped = HlogTags.escape(name.toString());
            assertThat(escaped).matches("[\\x21-\\x7e]+").doesNotContain(",");
            assertThat(HlogTags.unescape(escaped)).isEqualTo(name.toString());
            String previous = nameByEscaped.putIfAbsent(escaped, name.toString());
            assertThat(previous == null || previous.equals(name.toString()))
                    .as("%s and %s share %s", previous, name, escaped)
                    .isTrue();
        }
    }

    @Test
    void unescapeRefusesBrokenEscapes() {
        assertThatThrownBy(() -> HlogTags.unescape("a%2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HlogTags.unescape("a%+1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hdrHistogramsOwnReaderReturnsEscapedTagsIntactButSplitsRawOnes() {
        String name = "POST /orders, batch 100%";
        String escaped = HlogTags.endpointTag(Metric.LATENCY, name);
        Map<String, Long> countByTag = writeAndRead(escaped, "latency:" + name);

        assertThat(countByTag).containsEntry(escaped, 3L);
        assertThat(HlogTags.unescape(escaped.substring("latency:".length()))).isEqualTo(name);
        // The unescaped name does not come back: the reader stops the tag at the first space.
        assertThat(countByTag).doesNotContainKey("latency:" + name);
    }

    private static Map<String, Long> writeAndRead(String... tags) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        HistogramLogWriter writer = new HistogramLogWriter(out);
        writer.outputLogFormatVersion();
        writer.outputStartTime(0);
        double start = 0;
        for (String tag : tags) {
            Histogram histogram = new Histogram(3);
            histogram.recordValueWithCount(1_000, 3);
            histogram.setTag(tag);
            writer.outputIntervalHistogram(start, start + 1, histogram);
            start += 1;
        }
        out.flush();
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(bytes.toByteArray()));
        Map<String, Long> countByTag = new HashMap<>();
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            countByTag.merge(String.valueOf(h.getTag()), ((Histogram) h).getTotalCount(), Long::sum);
        }
        return countByTag;
    }
}
