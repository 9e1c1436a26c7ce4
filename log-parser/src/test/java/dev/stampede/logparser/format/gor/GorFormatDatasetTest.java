package dev.stampede.logparser.format.gor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.CollectingSink;
import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.RequestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real GoReplay capture in {@code goreplay-datadog-ecommerce} (see its SOURCE.md): every entry
 * accounted for, records checked against an independent reading of the file, and each quirk SOURCE.md
 * lists.
 */
class GorFormatDatasetTest {

    private static final String ORIGINAL = "goreplay-datadog-ecommerce/requests_0.original.gor";
    private static final String FILTERED = "goreplay-datadog-ecommerce/requests_0.filtered.gor";
    private static final String CHROME_76 = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/76.0.3809.132 Safari/537.36";

    private static CollectingSink read(String file) {
        return CollectingSink.read(GorFormat.create(), Datasets.file(file));
    }

    private static long micros(int year, int month, int day, int hour, int minute, int second, int nanos) {
        Instant instant =
                LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Test
    void everyEntryOfTheOriginalIsARecord() {
        CollectingSink sink = read(ORIGINAL);

        assertThat(sink.records).hasSize(198);
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void everyEntryOfTheFilteredFileIsARecord() {
        CollectingSink sink = read(FILTERED);

        assertThat(sink.records).hasSize(101);
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void firstRecordExactly() {
        RequestRecord first = read(FILTERED).records.get(0);

        assertThat(first.startMicros()).isEqualTo(micros(2019, 9, 10, 18, 22, 26, 437_296_000));
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.uri()).isEqualTo("/");
        assertThat(first.protocol()).isEqualTo("HTTP/1.1");
        assertThat(first.host()).isEqualTo("localhost:3000");
        assertThat(first.headers())
                .containsEntry("user-agent", CHROME_76)
                .containsEntry("referer", "http://localhost:3000/products/monitoring-stein")
                .containsEntry("cache-control", "max-age=0")
                .hasSize(13);
        assertThat(first.cookies())
                .containsEntry("csrftoken", "Oic3VndVOCtti1TXxZX9h4kGAdjea6O4UrtlFXkEJSWdLRSwg9rKMeX4jzsy62A5")
                .containsEntry("__profilin", "p%3Dt")
                .containsOnlyKeys("csrftoken", "checkout", "__profilin", "token", "guest_token", "_sandbox_session");
        assertThat(first.body()).isNull();
        assertThat(first.status()).isZero();
        assertThat(first.requestTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
        assertThat(first.clientAddress()).isNull();
        assertThat(first.sourceFile()).isEqualTo("requests_0.filtered.gor");
        assertThat(first.sourceLine()).isEqualTo(1);
    }

    @Test
    void aQueryWithPercentEscapesIsKeptAsSent() {
        RequestRecord search = read(FILTERED).records.stream()
                .filter(record -> record.path().equals("/products"))
                .findFirst()
                .orElseThrow();

        assertThat(search.uri()).isEqualTo("/products?utf8=%E2%9C%93&taxon=&keywords=t+shirt");
        assertThat(search.startMicros()).isEqualTo(micros(2019, 9, 10, 18, 22, 51, 301_917_000));
    }

    @Test
    void cartPostExactlyWithItsJsonBody() {
        List<RequestRecord> records = read(FILTERED).records;
        RequestRecord post = records.get(76);

        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.uri()).isEqualTo("/api/v2/storefront/cart/add_item");
        assertThat(post.startMicros()).isEqualTo(micros(2019, 9, 10, 18, 26, 13, 16_630_000));
        assertThat(post.sourceLine()).isEqualTo(1215);
        assertThat(post.headers())
                .containsEntry("content-type", "application/json")
                .containsEntry("content-length", "45")
                .containsEntry("x-spree-order-token", "aeihRQ1NnX7TbfvhhtQNNg1567611578919");
        assertThat(post.body())
                .isEqualTo("{\"variant_id\":\"11\",\"quantity\":1,\"options\":{}}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lastRecordsMatchTheTimeSpanSourceMdGives() {
        List<RequestRecord> original = read(ORIGINAL).records;
        List<RequestRecord> filtered = read(FILTERED).records;

        assertThat(original.get(0).startMicros()).isEqualTo(micros(2019, 9, 10, 18, 22, 26, 437_296_000));
        assertThat(original.get(197).startMicros()).isEqualTo(micros(2019, 9, 10, 18, 31, 5, 860_308_000));
        assertThat(original.get(197).sourceLine()).isEqualTo(3444);
        assertThat(filtered.get(100).startMicros()).isEqualTo(micros(2019, 9, 10, 18, 31, 5, 1_506_000));
        assertThat(filtered.get(100).uri()).isEqualTo("/api_tokens");
    }

    /** An oracle that reads the whole file at once, unlike the streaming reader under test. */
    @Test
    void everyRecordAgreesWithAnIndependentSplitOfTheFile() throws IOException {
        for (String file : List.of(ORIGINAL, FILTERED)) {
            String text = new String(Files.readAllBytes(Datasets.file(file)), StandardCharsets.ISO_8859_1);
            String separator = new String("\n🐵🙈🙉\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            List<String> entries =
                    new ArrayList<>(Arrays.asList(text.split(java.util.regex.Pattern.quote(separator), -1)));
            assertThat(entries.remove(entries.size() - 1))
                    .as("the file ends with a separator")
                    .isEmpty();
            List<RequestRecord> records = read(file).records;
            assertThat(records).hasSize(entries.size());
            int offset = 0;
            for (int i = 0; i < entries.size(); i++) {
                String entry = entries.get(i);
                String[] meta = entry.substring(0, entry.indexOf('\n')).split(" ");
                String[] requestLine = entry.substring(entry.indexOf('\n') + 1, entry.indexOf("\r\n"))
                        .split(" ");
                String body = entry.substring(entry.indexOf("\r\n\r\n") + 4);
                RequestRecord record = records.get(i);
                assertThat(record.startMicros()).isEqualTo(Long.parseLong(meta[2]) / 1000);
                assertThat(record.method()).isEqualTo(requestLine[0]);
                assertThat(record.uri()).isEqualTo(requestLine[1]);
                assertThat(record.sourceLine())
                        .isEqualTo(text.substring(0, offset)
                                        .chars()
                                        .filter(c -> c == '\n')
                                        .count()
                                + 1);
                assertThat(record.body() == null ? "" : new String(record.body(), StandardCharsets.ISO_8859_1))
                        .isEqualTo(body);
                offset += entry.length() + separator.length();
            }
        }
    }

    // Quirks from SOURCE.md, "What a parser / replayer must cope with" and "Profile".

    @Test
    void separatorIsAMultiByteEmojiAndTheFileEndsWithOne() throws IOException {
        byte[] bytes = Files.readAllBytes(Datasets.file(FILTERED));
        byte[] ending = Arrays.copyOfRange(bytes, bytes.length - 14, bytes.length);

        assertThat(ending).isEqualTo("\n🐵🙈🙉\n".getBytes(StandardCharsets.UTF_8));
        // No empty entry after the last separator.
        assertThat(read(FILTERED).events).hasSize(101);
    }

    @Test
    void headersUseCrlfWhilePayloadFramingUsesLf() {
        for (RequestRecord record : read(ORIGINAL).records) {
            assertThat(record.protocol()).isEqualTo("HTTP/1.1");
            assertThat(record.headers().values()).noneMatch(value -> value.contains("\r") || value.contains("\n"));
            if (record.body() != null) {
                // GoReplay's framing newline before the separator is not part of the body.
                assertThat(record.body().length)
                        .isEqualTo(Integer.parseInt(record.headers().get("content-length")));
                assertThat(record.body()[record.body().length - 1]).isNotEqualTo((byte) '\n');
            }
        }
    }

    @Test
    void timestampsAreNanosecondsAndGapsRangeFromMillisecondsToMinutes() {
        List<RequestRecord> records = read(FILTERED).records;
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int i = 1; i < records.size(); i++) {
            long gap = records.get(i).startMicros() - records.get(i - 1).startMicros();
            smallest = Math.min(smallest, gap);
            largest = Math.max(largest, gap);
        }
        assertThat(smallest).isEqualTo(3_950);
        assertThat(largest).isEqualTo(229_816_528);
    }

    @Test
    void bodiesAreJsonInBothFilesAndUrlEncodedOnlyInTheOriginal() {
        Map<String, Long> originalPosts = countPosts(read(ORIGINAL).records);
        Map<String, Long> filteredPosts = countPosts(read(FILTERED).records);

        assertThat(originalPosts)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("/mini-profiler-resources/results", 97L, "/api/v2/storefront/cart/add_item", 2L));
        assertThat(filteredPosts).containsExactlyInAnyOrderEntriesOf(Map.of("/api/v2/storefront/cart/add_item", 2L));
        RequestRecord profiler = read(ORIGINAL).records.stream()
                .filter(record -> record.uri().equals("/mini-profiler-resources/results"))
                .findFirst()
                .orElseThrow();
        assertThat(new String(profiler.body(), StandardCharsets.US_ASCII))
                .startsWith("id=mcv01abqfnzsdqwpfk4i&clientPerformance%5Bnavigation%5D")
                .endsWith("&clientProbes=&popup=1");
    }

    private static Map<String, Long> countPosts(List<RequestRecord> records) {
        return records.stream()
                .filter(record -> record.method().equals("POST"))
                .peek(record -> assertThat(record.body()).isNotEmpty())
                .collect(Collectors.groupingBy(RequestRecord::uri, Collectors.counting()));
    }

    @Test
    void profileMatchesSourceMd() {
        List<RequestRecord> records = read(FILTERED).records;
        Map<String, Long> paths =
                records.stream().collect(Collectors.groupingBy(RequestRecord::path, Collectors.counting()));
        Map<String, Long> methods =
                records.stream().collect(Collectors.groupingBy(RequestRecord::method, Collectors.counting()));

        assertThat(methods).containsExactlyInAnyOrderEntriesOf(Map.of("GET", 99L, "POST", 2L));
        assertThat(paths)
                .containsEntry("/cart_link", 26L)
                .containsEntry("/api_tokens", 26L)
                .containsEntry("/", 11L)
                .containsEntry("/favicon.ico", 8L);
    }

    @Test
    void everyRequestCarriesHostAndCookieAndAllButATypedInUrlReferer() {
        List<RequestRecord> records = read(ORIGINAL).records;
        for (RequestRecord record : records) {
            assertThat(record.host()).isEqualTo("localhost:3000");
            assertThat(record.headers()).containsKey("cookie");
            assertThat(record.cookies()).containsKeys("csrftoken", "_sandbox_session");
        }
        // SOURCE.md says every request has a Referer; one, a navigation typed into the address bar, has none.
        assertThat(records.stream().filter(record -> !record.headers().containsKey("referer")))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.uri()).isEqualTo("/");
                    assertThat(record.headers()).containsEntry("sec-fetch-site", "none");
                });
    }

    @Test
    void requestsOnlyCaptureHasNoStatusesAndKeepsInputOrder() {
        List<RequestRecord> records = read(ORIGINAL).records;

        assertThat(records).allSatisfy(record -> assertThat(record.status()).isZero());
        assertThat(records).extracting(RequestRecord::sourceLine).isSorted();
        assertThat(records).extracting(RequestRecord::startMicros).isSorted();
    }

    @Test
    void filteredIsTheOriginalWithoutTheMiniProfilerPosts() {
        Function<RequestRecord, String> key =
                record -> record.startMicros() + " " + record.method() + " " + record.uri();
        List<String> original = read(ORIGINAL).records.stream()
                .filter(record -> !record.uri().equals("/mini-profiler-resources/results"))
                .map(key)
                .toList();

        assertThat(read(FILTERED).records.stream().map(key).toList()).isEqualTo(original);
    }
}
