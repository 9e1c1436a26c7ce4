package dev.stampede.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.store.RecordStoreWriter;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay times are exact (recorded offsets over the speed, from the start the run gives), the window,
 * filters, multipliers, amplification, loops and duration pick the right requests, and sessions are
 * carried over from a replayed login to the requests of its session, per replayed user.
 */
class ReplaySourceTest {

    private static final long T0 = 1_795_000_000_000_000L; // epoch µs
    private static final long START = 5_000_000_000L; // clock ns the run starts at

    @TempDir
    Path dir;

    private Path store;
    private final HttpTarget target = HttpTarget.parse("http://127.0.0.1:8080");
    private final RequestShaper shaper = new RequestShaper(target, Rewrite.NONE, Marks.DEFAULT, "run-1");

    @BeforeEach
    void writeStore() {
        store = dir.resolve("store");
        try (RecordStoreWriter writer = RecordStoreWriter.create(store, "test", 0)) {
            writer.append(login(T0, "u1", "OLD1"));
            writer.append(get(T0 + 250_000, "/api/quote/600519", "OLD1"));
            writer.append(get(T0 + 1_000_000, "/static/app.js", null));
            writer.append(get(T0 + 1_500_001, "/api/quote/000001", "OLD1"));
            writer.append(get(T0 + 3_000_000, "/api/quote/600519", "OLD1"));
        }
    }

    private static RequestRecord login(long micros, String user, String created) {
        return new RequestRecord()
                .startMicros(micros)
                .method("POST")
                .uri("/api/login")
                .header("user-agent", "StockApp/5")
                .header("x-stampede-test", "recorded-mark")
                .body(("{\"user\":\"" + user + "\",\"password\":\"pw\"}").getBytes(StandardCharsets.UTF_8))
                .extra("upstream_cookie_SESSION", created)
                .source("a.log", 1);
    }

    private static RequestRecord get(long micros, String uri, String session) {
        RequestRecord record =
                new RequestRecord().startMicros(micros).method("GET").uri(uri).source("a.log", 2);
        if (session != null) {
            record.cookie("SESSION", session).cookie("theme", "dark");
        }
        return record;
    }

    private ReplaySource source(ReplayOptions options) {
        ReplaySource source = new ReplaySource(options, ReplayScan.of(options), shaper);
        source.start(START);
        return source;
    }

    private static List<Long> times(ReplaySource source) {
        List<Long> times = new ArrayList<>();
        ReplaySource.Slot slot = source.newSlot();
        for (long t = source.next(slot); t != IntendedTimes.END; t = source.next(slot)) {
            times.add(t - START);
        }
        return times;
    }

    private ReplayOptions options(double speed, int loops, int amplify, long durationNanos, List<Pattern> exclude) {
        return new ReplayOptions(
                store,
                speed,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                List.of(),
                exclude,
                List.of(),
                loops,
                amplify,
                null,
                null,
                durationNanos,
                1);
    }

    @Test
    void recordedOffsetsOverTheSpeedExactly() {
        assertThat(times(source(options(1, 1, 1, 0, List.of()))))
                .containsExactly(0L, 250_000_000L, 1_000_000_000L, 1_500_001_000L, 3_000_000_000L);
        assertThat(times(source(options(2, 1, 1, 0, List.of()))))
                .containsExactly(0L, 125_000_000L, 500_000_000L, 750_000_500L, 1_500_000_000L);
        // Speed 3: each offset rounded to the nearest nanosecond, from its own record (no drift).
        assertThat(times(source(options(3, 1, 1, 0, List.of()))))
                .containsExactly(0L, 83_333_333L, 333_333_333L, 500_000_333L, 1_000_000_000L);
    }

    @Test
    void filtersWindowAndEndpointsKeepTheirRecordedTimes() {
        ReplayOptions options = new ReplayOptions(
                store,
                1,
                T0 + 200_000,
                T0 + 3_000_000,
                List.of(Pattern.compile("^GET /api/")),
                List.of(Pattern.compile("000001")),
                List.of(),
                1,
                1,
                null,
                null,
                0,
                1);
        ReplaySource source = source(options);
        assertThat(source.endpointNames()).containsExactly("GET /api/quote/{code}");
        // The first selected record (t0 + 250 ms) is due at the start.
        assertThat(times(source)).containsExactly(0L);
    }

    @Test
    void loopsFollowEachOtherByTheSpanAndAMeanGapAndTheDurationCuts() {
        List<Long> twice = times(source(options(1, 2, 1, 0, List.of())));
        // span 3 s, mean gap 0.75 s: the second pass starts 3.75 s after the first.
        assertThat(twice).hasSize(10);
        assertThat(twice.get(5)).isEqualTo(3_750_000_000L);
        assertThat(twice.get(9)).isEqualTo(6_750_000_000L);
        List<Long> untilDuration = times(source(options(1, 0, 1, 5_000_000_000L, List.of())));
        assertThat(untilDuration).last().isEqualTo(4_750_000_000L); // 3.75 s + 1 s; 3.75 s + 1.5 s is past 5 s
        assertThat(untilDuration).hasSize(8);
    }

    @Test
    void amplifiedEachRecordIsSentByEachUserAtItsTime() {
        ReplaySource source = source(options(1, 1, 3, 0, List.of(Pattern.compile("static"))));
        ReplaySource.Slot slot = source.newSlot();
        List<String> sent = new ArrayList<>();
        for (long t = source.next(slot); t != IntendedTimes.END; t = source.next(slot)) {
            sent.add((t - START) / 1_000_000 + "ms user " + slot.user);
        }
        assertThat(sent)
                .startsWith("0ms user 0", "0ms user 1", "0ms user 2", "250ms user 0")
                .hasSize(12);
    }

    @Test
    void multipliersSendMoreOrFewerOfAnEndpoint() {
        ReplayOptions options = new ReplayOptions(
                store,
                1,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                List.of(),
                List.of(),
                List.of(
                        new ReplayOptions.Multiplier(Pattern.compile("quote"), 2),
                        new ReplayOptions.Multiplier(Pattern.compile("static"), 0)),
                1,
                1,
                null,
                null,
                0,
                1);
        assertThat(times(source(options)))
                .containsExactly(
                        0L, 250_000_000L, 250_000_000L, 1_500_001_000L, 1_500_001_000L, 3_000_000_000L, 3_000_000_000L);
    }

    @Test
    void aSessionsRequestsCarryTheTokenItsReplayedLoginGot() {
        ReplaySource source = source(options(1, 1, 2, 0, List.of()));
        List<Object[]> late = new ArrayList<>();
        source.attach((request, endpoint, intended) -> late.add(new Object[] {request, intended}));
        ReplaySource.Slot slot = source.newSlot();

        source.next(slot); // user 0's login
        RequestTemplate login0 = source.build(slot, 0);
        String loginText = text(login0);
        assertThat(loginText)
                .startsWith("POST /api/login HTTP/1.1\r\n")
                .contains(
                        "user-agent: StockApp/5\r\n",
                        "X-Stampede-Test: 1\r\n",
                        "Content-Type: application/json\r\n",
                        "traceparent: 00-" + new TraceIds("run-1").traceId(0) + "-")
                .doesNotContain("recorded-mark");
        source.next(slot); // user 1's login: not answered yet
        RequestTemplate login1 = source.build(slot, 1);

        // User 0's login is answered: its session's requests carry the new token.
        respond(login0, "NEW0");
        source.next(slot);
        assertThat(slot.user).isZero();
        assertThat(text(source.build(slot, 2))).contains("Cookie: SESSION=NEW0; theme=dark\r\n");
        // User 1's request waits for its login, then goes with that login's token at its intended time.
        source.next(slot);
        long intended = slot.intendedNanos = 7;
        assertThat(source.build(slot, 3)).isNull();
        assertThat(late).isEmpty();
        respond(login1, "NEW1");
        assertThat(late).hasSize(1);
        assertThat(text((RequestTemplate) late.get(0)[0])).contains("Cookie: SESSION=NEW1; theme=dark\r\n");
        assertThat(late.get(0)[1]).isEqualTo(intended);
        assertThat(source.report())
                .anyMatch(line -> line.contains("2 created by replayed logins")
                        && line.contains("1 waited for their login's answer"));
    }

    @Test
    void theSessionCookiesAreFoundInTheStore() {
        assertThat(ReplayScan.of(options(1, 1, 1, 0, List.of())).sessionCookies())
                .isEqualTo(Set.of("SESSION"));
    }

    private static void respond(RequestTemplate login, String token) {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        headers.add("Set-Cookie", "SESSION=" + token + "; Path=/; HttpOnly");
        login.listenerForTest().onResponse(200, headers);
        login.listenerForTest().onEnd(dev.stampede.engine.http.SendResult.OK);
    }

    private static String text(RequestTemplate template) {
        return new String(template.encoded(), StandardCharsets.ISO_8859_1);
    }
}
