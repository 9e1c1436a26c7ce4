package dev.stampede.engine.pipeline;

import dev.stampede.common.time.NanoClock;
import dev.stampede.control.ControlLog;
import dev.stampede.control.live.LiveRate;
import dev.stampede.control.profile.RateProfile;
import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.schedule.ClosedLoop;
import dev.stampede.engine.schedule.LiveGate;
import dev.stampede.engine.schedule.RateProfileTimes;
import dev.stampede.engine.source.Marks;
import dev.stampede.engine.source.RequestShaper;
import dev.stampede.engine.source.Rewrite;
import dev.stampede.engine.source.UrlSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs the engine's hot path before a run, against a {@link LoopbackServer} inside this process, so
 * that the JIT has compiled it by the run's first intended time: a short flat-out {@link LoadRun} of
 * marked {@code GET /} requests (the releaser on the event loop, request encoding and trace marks,
 * Netty's write and response decoding, recording), then, before a paced run, the same requests at a
 * fixed live rate (the schedule's rate integral behind its gate, the publishing thread, the ring, the
 * releaser's timers), whose results are thrown away. Nothing reaches the run's target.
 *
 * <p>Why: on one core, a 20,000 req/s run's first second was about 150 ms behind its schedule while
 * the interpreter ran and C1 compiled the path (its send-lag p99 over a 10 s run: 85 ms; the seconds
 * after the first: 0.3-2 ms). A flat-out warm-up alone left the paced path cold: the first 150 ms of a
 * 20,000 req/s run were still late by up to 45 ms (2,400 of its requests, by its journal). The price is
 * the warm-up's CPU time before the run (about half its duration flat out, far less paced).
 */
public final class Warmup {

    /** The paced phase's rate: enough requests in its time for C1 to compile the paced path. */
    static final double PACED_RATE = 20_000;

    private Warmup() {}

    /**
     * Runs the hot path against a loopback server for about {@code durationNanos} and returns how many
     * requests it sent: flat out for all of it, or, when {@code paced} (the run has a schedule), flat out
     * for the first half and at {@link #PACED_RATE} for the second. Blocks the calling thread.
     */
    public static long run(NanoClock clock, long durationNanos, boolean paced)
            throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("stampede-warmup");
        try (LoopbackServer server = new LoopbackServer()) {
            HttpTarget target = HttpTarget.parse(server.url());
            RequestShaper shaper = new RequestShaper(target, Rewrite.NONE, Marks.DEFAULT, "warmup");
            long flatOutNanos = paced ? durationNanos / 2 : durationNanos;
            long sent = flatOut(clock, flatOutNanos, target, shaper, scratch.resolve("flat-out"));
            if (paced) {
                sent += paced(clock, durationNanos - flatOutNanos, target, shaper, scratch.resolve("paced"));
            }
            return sent;
        } finally {
            deleteTree(scratch);
        }
    }

    private static long flatOut(NanoClock clock, long nanos, HttpTarget target, RequestShaper shaper, Path dir)
            throws IOException, InterruptedException {
        int connections = 16;
        UrlSource source = new UrlSource(
                "GET /",
                shaper.finish(shaper.start("GET", "/"), -1).build(),
                shaper,
                start -> new ClosedLoop(clock, start, nanos));
        LoadPlan plan = plan(target, source, connections, 1024, null).flatOut(connections);
        return run(plan, clock, dir);
    }

    private static long paced(NanoClock clock, long nanos, HttpTarget target, RequestShaper shaper, Path dir)
            throws IOException, InterruptedException {
        LoadPlan.Live live = new LoadPlan.Live(
                new LiveRate(RateProfile.constant(PACED_RATE), LiveRate.UNLIMITED, "req/s", ControlLog.NONE),
                LiveGate.parking(clock));
        UrlSource source = new UrlSource(
                "GET /",
                shaper.finish(shaper.start("GET", "/"), -1).build(),
                shaper,
                start -> RateProfileTimes.live(start, live.rate()::rateAt, nanos, live.gate(), null));
        return run(plan(target, source, 16, 4096, live), clock, dir);
    }

    private static LoadPlan plan(
            HttpTarget target, UrlSource source, int connections, int ringSize, LoadPlan.Live live) {
        return new LoadPlan(
                "warmup",
                target,
                source,
                connections,
                ClientOptions.defaults(),
                ringSize,
                1_000_000_000L,
                1_000_000L,
                false,
                0,
                live);
    }

    private static long run(LoadPlan plan, NanoClock clock, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        return new LoadRun(plan, clock, dir, snapshot -> {}).run().completed();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
