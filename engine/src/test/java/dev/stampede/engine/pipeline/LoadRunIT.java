package dev.stampede.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.http.TestHttpServer;
import dev.stampede.engine.measure.EndpointSnapshot;
import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.engine.measure.RunMode;
import dev.stampede.engine.schedule.ClosedLoop;
import dev.stampede.engine.schedule.ConstantRate;
import dev.stampede.engine.source.Marks;
import dev.stampede.engine.source.RequestShaper;
import dev.stampede.engine.source.Rewrite;
import dev.stampede.engine.source.UrlSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs against a loopback server: a 1 s stall shows in the latency (measured from the intended
 * send times) while the generator keeps to its schedule, and a target killed mid-run still leaves
 * every scheduled request with exactly one outcome.
 */
@Timeout(60)
class LoadRunIT {

    @TempDir
    Path dir;

    private static RunOutcome run(String url, double rate, long seconds, int connections, Path dir) throws Exception {
        return run(url, "/ok", rate, seconds, connections, 3_000_000_000L, dir);
    }

    private static RunOutcome run(
            String url, String path, double rate, long seconds, int connections, long timeoutNanos, Path dir)
            throws Exception {
        return run(url, path, rate, seconds, connections, timeoutNanos, dir, snapshot -> {});
    }

    private static RunOutcome run(
            String url,
            String path,
            double rate,
            long seconds,
            int connections,
            long timeoutNanos,
            Path dir,
            java.util.function.Consumer<LiveSnapshot> listener)
            throws Exception {
        NanoClock clock = NanoClock.system();
        HttpTarget target = HttpTarget.parse(url);
        RequestShaper shaper = new RequestShaper(target, Rewrite.NONE, Marks.DEFAULT, "test-run");
        LoadPlan plan = new LoadPlan(
                "test-run",
                target,
                new UrlSource(
                        "GET " + path,
                        shaper.finish(shaper.start("GET", path), -1).build(),
                        shaper,
                        start -> new ConstantRate(start, rate, seconds * 1_000_000_000L)),
                connections,
                ClientOptions.defaults().withRequestTimeoutNanos(timeoutNanos),
                4096,
                1_000_000_000L,
                1_000_000L,
                false,
                0,
                null);
        return new LoadRun(plan, clock, dir, listener).run();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void inAPacedRunTheIntervalThreadStepsAsideForTheEventLoop() throws Exception {
        int mine = ThreadNice.SYSTEM.get(); // threads inherit it from the thread that starts them
        List<Integer> atTicks = new CopyOnWriteArrayList<>();
        try (TestHttpServer server = new TestHttpServer()) {
            // The listener runs on the interval thread, at every tick.
            run(server.url(), "/ok", 100, 2, 4, 3_000_000_000L, dir, snapshot -> atTicks.add(ThreadNice.SYSTEM.get()));
        }

        assertThat(atTicks).hasSizeGreaterThanOrEqualTo(2).containsOnly(Math.min(ThreadNice.KINDEST, mine + 19));
        assertThat(ThreadNice.SYSTEM.get()).isEqualTo(mine);
    }

    @Test
    void aStallInTheMiddleShowsInTheLatencyNotAsMissingRequests() throws Exception {
        try (TestHttpServer server = new TestHttpServer()) {
            server.stall(2_500, 1_000); // the run starts about 50 ms from now: seconds 2.5 to 3.5 of 6

            RunOutcome outcome = run(server.url(), 200, 6, 400, dir);

            EndpointSnapshot all = outcome.last().overall();
            assertThat(outcome.scheduled()).isEqualTo(1200);
            assertThat(all.totalCounts().total()).isEqualTo(1200);
            assertThat(all.totalCounts().get(Outcome.OK)).isEqualTo(1200);
            // About 200 of 1200 requests waited for the stall's end: up to a second each.
            assertThat(all.cumulativeLatency().p99Nanos()).isGreaterThan(500_000_000L);
            assertThat(all.cumulativeLatency().p50Nanos()).isLessThan(100_000_000L);
            // Enough connections: the stall did not hold the generator back.
            assertThat(all.cumulativeSendLagP99Nanos()).isLessThan(200_000_000L);
            assertThat(Files.size(dir.resolve("latency.hlog"))).isPositive();
        }
    }

    @Test
    void flatOutKeepsOneRequestPerConnectionOutstandingAndEveryRequestEnds() throws Exception {
        try (TestHttpServer server = new TestHttpServer()) {
            NanoClock clock = NanoClock.system();
            HttpTarget target = HttpTarget.parse(server.url());
            RequestShaper shaper = new RequestShaper(target, Rewrite.NONE, Marks.DEFAULT, "test-run");
            int connections = 4;
            LoadPlan plan = new LoadPlan(
                            "test-run",
                            target,
                            new UrlSource(
                                    "GET /ok",
                                    shaper.finish(shaper.start("GET", "/ok"), -1)
                                            .build(),
                                    shaper,
                                    start -> new ClosedLoop(clock, start, 1_000_000_000L)),
                            connections,
                            ClientOptions.defaults().withRequestTimeoutNanos(3_000_000_000L),
                            1024,
                            1_000_000_000L,
                            1_000_000L,
                            false,
                            0,
                            null)
                    .flatOut(connections);

            int mine = ThreadNice.SYSTEM.get();
            List<Integer> atTicks = new CopyOnWriteArrayList<>();
            RunOutcome outcome = new LoadRun(plan, clock, dir, snapshot -> atTicks.add(ThreadNice.SYSTEM.get())).run();

            OutcomeCounts totals = outcome.last().overall().totalCounts();
            assertThat(outcome.mode()).isEqualTo(RunMode.FLAT_OUT);
            assertThat(atTicks)
                    .as("flat out, the interval thread keeps its priority")
                    .containsOnly(mine);
            assertThat(outcome.scheduled()).isGreaterThan(100); // loopback answers in well under 40 ms
            assertThat(totals.total()).isEqualTo(outcome.scheduled());
            assertThat(totals.get(Outcome.OK)).isEqualTo(outcome.scheduled());
            assertThat(outcome.completed()).isEqualTo(outcome.scheduled());
            assertThat(server.connectionsAccepted()).isLessThanOrEqualTo(connections);
            GeneratorUse use = outcome.generatorUse();
            // No ring flat out: the event loop asks the source whenever a connection is free (the in-flight
            // limit itself is checked in LoopReleaserTest).
            assertThat(use.ring().samples()).isZero();
            assertThat(use.sendingNanos()).isBetween(1_000_000_000L, 3_000_000_000L);
            assertThat(use.runCpuNanos()).isPositive();
            assertThat(use.processCpuNanos()).isGreaterThanOrEqualTo(use.runCpuNanos());
            assertThat(use.gc().observed()).isTrue();
        }
    }

    @Test
    void theWarmupRunsTheHotPathAgainstItsOwnServer() throws Exception {
        long sent = Warmup.run(NanoClock.system(), 300_000_000L, false);

        assertThat(sent).isGreaterThan(50); // every one answered by the in-process server, none elsewhere
    }

    @Test
    void beforeAPacedRunTheWarmupAlsoRunsThePacedPath() throws Exception {
        long sent = Warmup.run(NanoClock.system(), 300_000_000L, true);

        // 150 ms flat out (some), then 150 ms at 20,000 req/s: exactly 3,000 scheduled, each answered.
        assertThat(sent).isGreaterThan(3_000 + 50);
    }

    @Test
    void everyRequestHasOneOutcomeWhenTheTargetDiesMidRun() throws Exception {
        try (TestHttpServer server = new TestHttpServer()) {
            server.killAfter(1_500);

            RunOutcome outcome = run(server.url(), 300, 3, 16, dir);

            OutcomeCounts totals = outcome.last().overall().totalCounts();
            assertThat(outcome.scheduled()).isEqualTo(900);
            assertThat(totals.total()).isEqualTo(900);
            // The kill lands mid-run (how far in depends on how fast this machine starts the run): some
            // requests were answered, the rest failed to connect or were reset, and none is missing.
            assertThat(totals.get(Outcome.OK)).isBetween(1L, 850L);
            assertThat(totals.get(Outcome.TRANSPORT_CONNECT) + totals.get(Outcome.TRANSPORT_RESET))
                    .isGreaterThan(100);
        }
    }

    @Test
    void responsesSlowerThanTheTimeoutEndAsTimeoutsAndTheCountsStillAddUp() throws Exception {
        try (TestHttpServer server = new TestHttpServer()) {
            server.stall(700, 2_000); // longer than the 500 ms timeout

            RunOutcome outcome = run(server.url(), "/ok", 100, 3, 32, 500_000_000L, dir);

            OutcomeCounts totals = outcome.last().overall().totalCounts();
            assertThat(outcome.scheduled()).isEqualTo(300);
            assertThat(totals.total()).isEqualTo(300);
            assertThat(totals.get(Outcome.TIMEOUT)).isGreaterThan(20);
            assertThat(totals.get(Outcome.OK)).isGreaterThan(20);
            assertThat(totals.get(Outcome.OK)
                            + totals.get(Outcome.TIMEOUT)
                            + totals.unsent()
                            + totals.get(Outcome.TRANSPORT_CONNECT)
                            + totals.get(Outcome.TRANSPORT_RESET))
                    .isEqualTo(300);
        }
    }

    @Test
    void resetConnectionsEndAsResetsAndTheCountsStillAddUp() throws Exception {
        try (TestHttpServer server = new TestHttpServer()) {
            RunOutcome outcome = run(server.url(), "/reset5", 200, 2, 16, 3_000_000_000L, dir);

            OutcomeCounts totals = outcome.last().overall().totalCounts();
            assertThat(outcome.scheduled()).isEqualTo(400);
            assertThat(totals.total()).isEqualTo(400);
            assertThat(totals.get(Outcome.TRANSPORT_RESET)).isBetween(40L, 120L); // one in five, give or take
            assertThat(totals.get(Outcome.OK) + totals.get(Outcome.TRANSPORT_RESET))
                    .isEqualTo(400);
        }
    }
}
