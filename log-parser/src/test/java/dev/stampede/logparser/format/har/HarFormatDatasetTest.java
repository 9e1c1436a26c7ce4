package dev.stampede.logparser.format.har;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.logparser.CollectingSink;
import dev.stampede.logparser.Datasets;
import dev.stampede.logparser.RequestRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The real HAR exports in {@code har-mitmproxy-browser-exports} (see its SOURCE.md): every entry
 * accounted for, records checked against Jackson's tree model of the same files, and each quirk
 * SOURCE.md lists.
 */
class HarFormatDatasetTest {

    /** Entries per file, as SOURCE.md counts them (41 in all). */
    private static final Map<String, Integer> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put("charles.har", 1);
        ENTRIES.put("chrome.har", 3);
        ENTRIES.put("firefox.har", 14);
        ENTRIES.put("head-content-length.har", 1);
        ENTRIES.put("insomnia.har", 1);
        ENTRIES.put("postdata.har", 1);
        ENTRIES.put("safari.har", 19);
        ENTRIES.put("with-bom.har", 1);
    }

    private static Path file(String name) {
        return Datasets.file("har-mitmproxy-browser-exports/" + name);
    }

    private static CollectingSink read(String name) {
        return CollectingSink.read(HarFormat.create(), file(name));
    }

    private static long micros(OffsetDateTime time) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant());
    }

    @Test
    void everyEntryOfEveryFileIsARecord() {
        int total = 0;
        for (Map.Entry<String, Integer> file : ENTRIES.entrySet()) {
            CollectingSink sink = read(file.getKey());
            assertThat(sink.records).as(file.getKey()).hasSize(file.getValue());
            assertThat(sink.rejections).as(file.getKey()).isEmpty();
            total += sink.records.size();
        }
        assertThat(total).isEqualTo(41);
    }

    /** The whole file in a tree (fine for a test) against the streaming reader. */
    @Test
    void everyRecordAgreesWithTheTreeModelOfItsFile() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String name : ENTRIES.keySet()) {
            String text = Files.readString(file(name), StandardCharsets.UTF_8);
            JsonNode entries =
                    mapper.readTree(text.replace("\uFEFF", "")).path("log").path("entries");
            List<String> lines = text.lines().toList();
            List<RequestRecord> records = read(name).records;
            assertThat(records).hasSize(entries.size());
            for (int i = 0; i < records.size(); i++) {
                JsonNode entry = entries.get(i);
                RequestRecord record = records.get(i);
                URI url = URI.create(entry.at("/request/url").asText());
                String target = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
                assertThat(record.method())
                        .isEqualTo(entry.at("/request/method").asText());
                assertThat(record.uri())
                        .isEqualTo(url.getRawQuery() == null ? target : target + "?" + url.getRawQuery());
                assertThat(record.startMicros())
                        .isEqualTo(micros(OffsetDateTime.parse(
                                entry.get("startedDateTime").asText())));
                assertThat(record.status())
                        .isEqualTo(entry.at("/response/status").asInt());
                assertThat(record.headers()).hasSize(countHeadersButPseudo(entry.at("/request/headers")));
                assertThat(record.sourceFile()).isEqualTo(name);
                assertThat(lines.get((int) record.sourceLine() - 1).strip()).isEqualTo("{");
                if (i > 0) {
                    assertThat(record.sourceLine())
                            .isGreaterThan(records.get(i - 1).sourceLine());
                }
            }
        }
    }

    private static int countHeadersButPseudo(JsonNode headers) {
        Set<String> names = new HashSet<>();
        headers.forEach(header -> {
            if (!header.get("name").asText().startsWith(":")) {
                names.add(header.get("name").asText().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return names.size();
    }

    @Test
    void firefoxFirstRecordExactly() {
        RequestRecord first = read("firefox.har").records.get(0);

        assertThat(first.startMicros())
                .isEqualTo(micros(OffsetDateTime.of(2023, 3, 29, 16, 58, 59, 303_000_000, ZoneOffset.ofHours(-7))));
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.uri()).isEqualTo("/");
        assertThat(first.host()).isEqualTo("mitmproxy.org");
        assertThat(first.protocol()).isEqualTo("HTTP/3");
        assertThat(first.headers())
                .containsEntry(
                        "user-agent",
                        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:109.0) Gecko/20100101 Firefox/111.0")
                .containsEntry("referer", "https://www.google.com/");
        assertThat(first.status()).isEqualTo(304);
        assertThat(first.bytesSent()).isEqualTo(5509);
        // timings: send 0 + wait 6 + receive 0 ms; `time` (23 ms) adds 17 ms blocked in the browser.
        assertThat(first.requestTimeMicros()).isEqualTo(6_000);
        assertThat(first.upstreamTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
        assertThat(first.body()).isNull();
        assertThat(first.sourceLine()).isEqualTo(24);
    }

    @Test
    void postWithItsBodyExactly() throws IOException {
        RequestRecord post = read("postdata.har").records.get(0);
        String text = new ObjectMapper()
                .readTree(file("postdata.har").toFile())
                .at("/log/entries/0/request/postData/text")
                .asText();

        assertThat(post.startMicros())
                .isEqualTo(micros(OffsetDateTime.of(2023, 7, 15, 13, 37, 26, 93_000_000, ZoneOffset.UTC)));
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.uri()).isEqualTo("/metrics");
        assertThat(post.host()).isEqualTo("signal-metrics-collector-beta.s-onetag.com");
        assertThat(post.headers()).containsEntry("content-type", "text/plain;charset=UTF-8");
        assertThat(post.body()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(post.body(), StandardCharsets.UTF_8))
                .startsWith("{\"metadata\":{\"pageViewId\":1689428126308,\"affiliateId\":62299,");
        assertThat(post.body()).hasSize(Integer.parseInt(post.headers().get("content-length")));
        assertThat(post.requestTimeMicros()).isEqualTo(53_607);
        assertThat(post.sourceLine()).isEqualTo(10);
    }

    @Test
    void headRequestExactly() {
        RequestRecord head = read("head-content-length.har").records.get(0);

        assertThat(head.method()).isEqualTo("HEAD");
        assertThat(head.host()).isEqualTo("files.pythonhosted.org");
        assertThat(head.uri()).startsWith("/packages/00/e5/").endsWith("/tqdm-4.66.1-py3-none-any.whl");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytesSent()).isZero();
    }

    // Quirks from SOURCE.md, "What an importer must cope with".

    @Test
    void httpVersionSpellingsAreKeptAsWrittenAndEmptyIsUnknown() {
        Set<String> spellings = new HashSet<>();
        for (String name : ENTRIES.keySet()) {
            read(name).records.forEach(record -> spellings.add(record.protocol()));
        }
        long firefoxUnknown = read("firefox.har").records.stream()
                .filter(record -> record.protocol() == null)
                .count();
        long safariUnknown = read("safari.har").records.stream()
                .filter(record -> record.protocol() == null)
                .count();

        assertThat(spellings)
                .containsExactlyInAnyOrder("HTTP/1.1", "HTTP/2", "HTTP/2.0", "http/2.0", "h3", "HTTP/3", null);
        assertThat(firefoxUnknown).isEqualTo(5);
        assertThat(safariUnknown).isEqualTo(16);
    }

    @Test
    void startedDateTimeWithZOffsetAndMicroseconds() {
        assertThat(read("chrome.har").records.get(0).startMicros())
                .isEqualTo(micros(OffsetDateTime.of(2023, 3, 30, 0, 0, 54, 250_000_000, ZoneOffset.UTC)));
        assertThat(read("charles.har").records.get(0).startMicros())
                .isEqualTo(micros(OffsetDateTime.of(2023, 3, 29, 17, 37, 42, 482_000_000, ZoneOffset.ofHours(-7))));
        assertThat(read("head-content-length.har").records.get(0).startMicros())
                .isEqualTo(micros(OffsetDateTime.of(2023, 12, 12, 16, 23, 16, 67_544_000, ZoneOffset.UTC)));
    }

    @Test
    void timingsAreFloatsOrIntegers() {
        // Chrome: send 0.237 + wait 7.330 + receive 1.702 ms (time 14.666 also counts 5.397 ms blocked).
        assertThat(read("chrome.har").records.get(0).requestTimeMicros()).isEqualTo(9_269);
        // Charles: integers, send 1 + wait 24 + receive 2 (time 107 also counts DNS and connect).
        assertThat(read("charles.har").records.get(0).requestTimeMicros()).isEqualTo(27_000);
        // Firefox cache hits have empty timings: unknown, not 0.
        assertThat(read("firefox.har").records.get(1).requestTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        assertThat(Files.readAllBytes(file("with-bom.har"))).startsWith(0xEF, 0xBB, 0xBF);
        RequestRecord withBom = read("with-bom.har").records.get(0);
        RequestRecord without = read("postdata.har").records.get(0);

        assertThat(withBom.toString().replace("with-bom", "postdata")).isEqualTo(without.toString());
        assertThat(withBom.headers()).isEqualTo(without.headers());
        assertThat(withBom.body()).isEqualTo(without.body());
        assertThat(withBom.sourceLine()).isEqualTo(10);
    }

    @Test
    void base64ResponseBodiesAreSkippedUnread() throws IOException {
        JsonNode entries =
                new ObjectMapper().readTree(file("safari.har").toFile()).at("/log/entries");
        List<JsonNode> base64 = new ArrayList<>();
        entries.forEach(entry -> {
            if (entry.at("/response/content/encoding").asText().equals("base64")) {
                base64.add(entry);
            }
        });

        assertThat(base64).hasSize(7);
        assertThat(read("safari.har").records)
                .hasSize(19)
                .allSatisfy(record -> assertThat(record.body()).isNull());
    }

    @Test
    void charlesUrlWithAnEmptyQueryKeepsIt() {
        RequestRecord record = read("charles.har").records.get(0);

        assertThat(record.uri()).isEqualTo("/?=");
        assertThat(record.query()).isEqualTo("=");
    }

    @Test
    void pagesPresentOrAbsentMakeNoDifference() {
        // Firefox and Safari have log.pages before the entries; Charles and Insomnia have none.
        assertThat(read("firefox.har").records).hasSize(14);
        assertThat(read("insomnia.har").records).hasSize(1);
    }

    // Other things these files show.

    @Test
    void http2PseudoHeadersGiveTheHostAndAreNotHeaders() {
        List<RequestRecord> chrome = read("chrome.har").records;

        assertThat(chrome.get(2).host()).isEqualTo("www.google.com");
        assertThat(chrome)
                .allSatisfy(record -> assertThat(record.headers().keySet()).noneMatch(name -> name.startsWith(":")));
        assertThat(chrome.get(2).cookies()).hasSize(21).containsKey("SID");
    }

    @Test
    void entryWithoutResponseHasStatusZeroAndUnknownSizes() {
        RequestRecord unanswered = read("chrome.har").records.get(1);

        assertThat(unanswered.status()).isZero();
        assertThat(unanswered.protocol()).isNull();
        assertThat(unanswered.bytesSent()).isEqualTo(RequestRecord.UNKNOWN);
        assertThat(unanswered.requestTimeMicros()).isEqualTo(RequestRecord.UNKNOWN);
    }

    @Test
    void safariMemoryCacheHitsHaveUnknownSizeNotZero() {
        List<RequestRecord> safari = read("safari.har").records;

        assertThat(safari.get(0).bytesSent()).isEqualTo(5150);
        assertThat(safari.get(1).uri()).isEqualTo("/style.min.css");
        assertThat(safari.get(1).bytesSent()).isEqualTo(RequestRecord.UNKNOWN);
        assertThat(safari.get(9).bytesSent())
                .as("content.size when bodySize is -1")
                .isEqualTo(9689);
    }

    @Test
    void insomniaRequestWithoutHeadersTakesItsHostFromTheUrlAndPostsNothing() {
        RequestRecord record = read("insomnia.har").records.get(0);

        assertThat(record.headers()).isEmpty();
        assertThat(record.host()).isEqualTo("mitm.it");
        assertThat(record.body()).as("an empty postData.text").isNull();
        assertThat(record.requestTimeMicros()).isEqualTo(70_402);
    }
}
