package dev.stampede.engine.source;

import static dev.stampede.engine.source.SourceDrive.SECOND;
import static dev.stampede.engine.source.TestModels.KLINE;
import static dev.stampede.engine.source.TestModels.QUOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampede.control.ControlLog;
import dev.stampede.control.live.LiveRate;
import dev.stampede.control.profile.RateProfile;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.schedule.LiveGate;
import dev.stampede.engine.source.SourceDrive.Sent;
import dev.stampede.model.BehaviourModel;
import dev.stampede.model.Transition;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model source without a network: what it sends, when, and in what proportions. */
class ModelSourceTest {

    private static ModelSource source(BehaviourModel model, ModelSourceOptions options) {
        return new ModelSource(model, null, options, TestModels.shaper());
    }

    private static List<Sent> run(double rate, long seconds, long seed) {
        return new SourceDrive(source(
                        TestModels.twoPages(),
                        ModelSourceOptions.of(rate).withSeed(seed).withDurationNanos(seconds * SECOND)))
                .all();
    }

    @Test
    void theSameSeedGivesTheSameTrafficAndAnotherSeedOther() {
        List<Sent> first = run(200, 60, 7);

        assertThat(first).hasSizeGreaterThan(10_000);
        assertThat(run(200, 60, 7)).isEqualTo(first);
        assertThat(run(200, 60, 8)).isNotEqualTo(first);
    }

    @Test
    void endpointsAreNamedAsInTheModelAndTimesNeverDecreaseNorReachTheEnd() {
        ModelSource source =
                source(TestModels.twoPages(), ModelSourceOptions.of(500).withDurationNanos(10 * SECOND));
        SourceDrive drive = new SourceDrive(source);

        List<Sent> all = drive.all();

        assertThat(source.endpointNames()).containsExactly(QUOTE, KLINE);
        assertThat(all).hasSizeGreaterThan(3_000);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).at()).isGreaterThanOrEqualTo(all.get(i - 1).at());
        }
        assertThat(all.get(all.size() - 1).at()).isLessThan(10 * SECOND);
        assertThat(source.next(drive.slot)).isEqualTo(IntendedTimes.END);
        assertThat(source.next(drive.slot)).isEqualTo(IntendedTimes.END);
        assertThat(source.report().get(0)).contains("open when the source ended");
    }

    @Test
    void entriesAndTransitionsFollowTheModel() {
        List<Sent> all = run(1000, 200, 1);
        Map<Long, Integer> last = new HashMap<>();
        long[] entries = new long[2];
        long[][] moves = new long[2][3]; // [from][to or 2 = exit]
        for (Sent sent : all) {
            if (sent.at() >= 140 * SECOND && !last.containsKey(sent.session())) {
                continue; // a session that started late might be cut by the end
            }
            Integer before = last.put(sent.session(), sent.endpoint());
            if (before == null) {
                entries[sent.endpoint()]++;
            } else {
                moves[before][sent.endpoint()]++;
            }
        }
        last.values().forEach(at -> moves[at][2]++);

        double sessions = entries[0] + entries[1];
        assertThat(sessions).isGreaterThan(50_000);
        assertThat(entries[0] / sessions).isCloseTo(0.7, within(0.01));
        double fromQuote = moves[0][0] + moves[0][1] + moves[0][2];
        double fromKline = moves[1][0] + moves[1][1] + moves[1][2];
        assertThat(moves[0][1] / fromQuote).isCloseTo(0.6, within(0.01));
        assertThat(moves[0][0]).isZero();
        assertThat(moves[1][0] / fromKline).isCloseTo(0.5, within(0.01));
        assertThat(moves[1][1]).isZero();
    }

    @Test
    void thinkTimesHaveTheModelsMeans() {
        List<Sent> all = run(1000, 100, 3);
        Map<Long, Sent> last = new HashMap<>();
        double[] sum = new double[2];
        long[] count = new long[2];
        for (Sent sent : all) {
            Sent before = last.put(sent.session(), sent);
            if (before != null) {
                sum[before.endpoint()] += (sent.at() - before.at()) / 1e9;
                count[before.endpoint()]++;
            }
        }

        assertThat(count[0]).isGreaterThan(20_000);
        assertThat(sum[0] / count[0]).isCloseTo(2.0, within(0.04)); // quote -> kline: exponential, mean 2 s
        assertThat(sum[1] / count[1]).isCloseTo(1.0, within(0.02)); // kline -> quote: mean 1 s
    }

    @Test
    void theRequestRateIsTheTargetOnceSessionsRunTheirCourse() {
        ModelSource source =
                source(TestModels.twoPages(), ModelSourceOptions.of(500).withDurationNanos(400 * SECOND));
        List<Sent> all = new SourceDrive(source).all();

        long steady = all.stream().filter(s -> s.at() >= 100 * SECOND).count();

        // Expected requests per session: 0.7 x 1.6 / 0.7 + 0.3 x (1 + 0.5 x 1.6 / 0.7) = 2.2429.
        assertThat(source.requestsPerSession()).isCloseTo(2.242857, within(1e-5));
        assertThat(steady / 300.0).isCloseTo(500, within(10.0));
    }

    @Test
    void aRateChangeMidwayChangesTheSessionArrivalRate() throws Exception {
        ModelSource source =
                source(TestModels.twoPages(), ModelSourceOptions.of(200).withDurationNanos(400 * SECOND));
        LiveRate live = new LiveRate(RateProfile.constant(200), LiveRate.UNLIMITED, "req/s", ControlLog.NONE);
        source.liveRate(live::rateAt, LiveGate.OPEN);
        SourceDrive drive = new SourceDrive(source);
        Map<Long, Long> firstSeen = new HashMap<>();
        long requestsLate = 0;
        for (Sent sent = drive.next(); sent != null; sent = drive.next()) {
            firstSeen.putIfAbsent(sent.session(), sent.at());
            if (sent.at() >= 200 * SECOND && live.current() == 200) {
                live.setRate(800, "test");
            }
            requestsLate += sent.at() >= 300 * SECOND ? 1 : 0;
        }
        double perSession = source.requestsPerSession();
        long early = firstSeen.values().stream()
                .filter(t -> t >= 50 * SECOND && t < 200 * SECOND)
                .count();
        long late = firstSeen.values().stream()
                .filter(t -> t >= 250 * SECOND && t < 400 * SECOND)
                .count();

        assertThat(early / 150.0).isCloseTo(200 / perSession, within(200 / perSession * 0.05));
        assertThat(late / 150.0).isCloseTo(800 / perSession, within(800 / perSession * 0.05));
        assertThat(requestsLate / 100.0).isCloseTo(800, within(800 * 0.04));
    }

    @Test
    void uniformArrivalsAreEvenlySpaced() {
        double perSession =
                source(TestModels.twoPages(), ModelSourceOptions.of(1)).requestsPerSession();
        ModelSource source = source(
                TestModels.twoPages(),
                ModelSourceOptions.of(10 * perSession)
                        .withArrivals(ModelSourceOptions.Arrivals.UNIFORM)
                        .withDurationNanos(20 * SECOND));
        Map<Long, Long> firstSeen = new HashMap<>();
        new SourceDrive(source).all().forEach(s -> firstSeen.putIfAbsent(s.session(), s.at()));

        assertThat(firstSeen).hasSize(200);
        firstSeen.forEach((session, at) -> assertThat(at).isCloseTo(session * SECOND / 10, within(1L)));
    }

    @Test
    void openSessionsAreCappedAndArrivalsBeyondTheCapCounted() {
        BehaviourModel longSessions = TestModels.model(
                List.of(TestModels.quote()),
                TestModels.sessions(
                        "ip+ua",
                        Map.of(QUOTE, 1.0),
                        List.of(
                                TestModels.edge(QUOTE, QUOTE, 0.99, 100),
                                TestModels.edge(QUOTE, Transition.EXIT, 0.01, 0))));
        ModelSource source = source(longSessions, ModelSourceOptions.of(1000).withMaxOpenSessions(100));
        SourceDrive drive = new SourceDrive(source);

        for (int i = 0; i < 50_000; i++) {
            drive.next();
            assertThat(source.openSessions()).isLessThanOrEqualTo(100);
        }

        assertThat(source.openSessions()).isEqualTo(100);
        // 1000 req/s over 100 requests a session: 10 sessions a second, each open about 10,000 s.
        assertThat(source.expectedOpenSessions(1000)).isCloseTo(10 * 99 * 100.0, within(1.0));
        assertThat(source.report().get(0)).containsPattern("\\d{3,} not started \\(100 open at most\\)");
    }

    @Test
    void requestsCarryTheirSlotValuesAndTheRunsMarks() {
        ModelSource source =
                source(TestModels.twoPages(), ModelSourceOptions.of(100).withSeed(5));
        SourceDrive drive = new SourceDrive(source);
        String kline = null;
        for (long n = 0; kline == null; n++) {
            Sent sent = drive.next();
            String text = new String(source.build(drive.slot, n).encoded(), StandardCharsets.ISO_8859_1);
            if (sent.endpoint() == 1) {
                kline = text;
                assertThat(text)
                        .startsWith(
                                "GET /api/kline/600519?period=" + sent.values().get(1) + " HTTP/1.1\r\n")
                        .contains("traceparent: " + new TraceIds("run-1").traceparent(n) + "\r\n");
            } else {
                assertThat(text).startsWith("GET /api/quote/" + sent.values().get(0) + " HTTP/1.1\r\n");
                assertThat(sent.values().get(0)).isIn("600519", "000001");
            }
            assertThat(text).contains("X-Stampede-Test: 1\r\n").contains("baggage: stampede.run=run-1\r\n");
        }
    }
}
