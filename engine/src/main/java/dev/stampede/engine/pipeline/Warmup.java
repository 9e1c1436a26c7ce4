package dev.stampede.engine.pipeline;

import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.schedule.ClosedLoop;
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
 * Netty's write and response decoding, recording), whose results are thrown away. Nothing reaches the
 * run's target.
 *
 * <p>Why: on one core, a 20,000 req/s run's first second was about 150 ms behind its schedule while
 * the interpreter ran and C1 compiled the path (its send-lag p99 over a 10 s run: 85 ms; the seconds
 * after the first: 0.3-2 ms). The price is the warm-up's CPU time before the run (about its duration).
 */
public final class Warmup {

    private Warmup() {}

    /**
     * Runs the hot path flat out for {@code durationNanos} against a loopback server and returns how
     * many requests it sent. Blocks the calling thread.
     */
    public static long run(NanoClock clock, long durationNanos) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("stampede-warmup");
        try (LoopbackServer server = new LoopbackServer()) {
            HttpTarget target = HttpTarget.parse(server.url());
            RequestShaper shaper = new RequestShaper(target, Rewrite.NONE, Marks.DEFAULT, "warmup");
            int connections = 16;
            LoadPlan plan = new LoadPlan(
                            "warmup",
                            target,
                            new UrlSource(
                                    "GET /",
                                    shaper.finish(shaper.start("GET", "/"), -1).build(),
                                    shaper,
                                    start -> new ClosedLoop(clock, start, durationNanos)),
                            connections,
                            ClientOptions.defaults(),
                            1024,
                            1_000_000_000L,
                            1_000_000L,
                            false)
                    .flatOut(connections);
            return new LoadRun(plan, clock, scratch, snapshot -> {}).run().completed();
        } finally {
            deleteTree(scratch);
        }
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
