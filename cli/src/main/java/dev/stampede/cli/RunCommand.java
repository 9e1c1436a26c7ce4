package dev.stampede.cli;

import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.measure.GeneratorHealth;
import dev.stampede.engine.measure.RunIds;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.engine.pipeline.LoadPlan;
import dev.stampede.engine.pipeline.LoadRun;
import dev.stampede.engine.pipeline.RunOutcome;
import dev.stampede.engine.pipeline.Warmup;
import dev.stampede.engine.schedule.ClosedLoop;
import dev.stampede.engine.schedule.ConstantRate;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.schedule.PoissonRate;
import dev.stampede.engine.schedule.RingSizing;
import dev.stampede.engine.source.Marks;
import dev.stampede.engine.source.RequestShaper;
import dev.stampede.engine.source.Rewrite;
import dev.stampede.engine.source.UrlSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code stampede run --target URL --rate R --duration D}: one URL at a fixed rate, like wrk2, measured
 * from the intended send times (no coordinated omission), with the result files a replay run writes.
 * Without {@code --rate}, flat out like wrk: one request outstanding per connection, each response
 * letting the next one go.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Sends GET requests to one URL at a fixed rate (constant, or Poisson arrivals) for a duration, over"
                    + " keep-alive HTTP/1.1 connections, and measures latency from each request's intended send"
                    + " time (coordinated-omission free), service time from the actual send, and send lag.",
            "Without --rate it sends flat out, like wrk: one request outstanding per connection, each response"
                    + " letting the next one go; a request's intended time is then its release, so its latency"
                    + " is its service time, and the figure to read is the rate achieved.",
            "Writes RESULT_DIR/latency.hlog (HdrHistogram interval log, ns, one tag per endpoint and metric)"
                    + " and RESULT_DIR/run.json; every scheduled request ends as exactly one outcome.",
            "Replaying a record store or a model, and scenario files, arrive with the rest of the engine."
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "URL", required = true, description = "The URL to load (http://).")
    String target;

    @Option(
            names = "--rate",
            paramLabel = "R",
            description = "Requests per second, scheduled whatever the responses do (default: flat out, as fast as"
                    + " the connections allow).")
    Double rate;

    @Option(
            names = "--duration",
            paramLabel = "D",
            required = true,
            converter = DurationConverter.class,
            description = "How long to send, e.g. 30s, 2m.")
    Duration duration;

    @Option(
            names = "--connections",
            paramLabel = "N",
            description = "Keep-alive connections, opened as needed (default: ${DEFAULT-VALUE}); requests beyond them"
                    + " wait, and the wait counts in their latency and send lag.")
    int connections = 64;

    @Option(
            names = "--timeout",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "Request timeout (default: ${DEFAULT-VALUE}s).")
    Duration timeout = Duration.ofSeconds(5);

    @Option(names = "--poisson", description = "Poisson arrivals at the rate (default: evenly spaced).")
    boolean poisson;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the Poisson arrivals (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "RESULT_DIR",
            description = "Result directory to create (default: run-<UTC time> here).")
    Path output;

    @Option(
            names = "--mark",
            paramLabel = "NAME:VALUE",
            description = "The test-mark header every request carries (default: ${DEFAULT-VALUE}); the chain under"
                    + " test routes marked traffic to its shadow stores.")
    String mark = "X-Stampede-Test:1";

    @Option(
            names = "--no-mark",
            description = "Send no test-mark header (production-like, unmarked traffic: only against systems where"
                    + " that is safe).")
    boolean noMark;

    @Option(
            names = "--no-trace",
            description = "Send no W3C traceparent (default: every request carries one, its trace id derived from the"
                    + " run id and the request's number).")
    boolean noTrace;

    @Option(
            names = "--no-warmup",
            description = "Start without warming up: by default the engine first runs its own hot path for"
                    + " half a second against a server inside the process (nothing reaches the target), so that it"
                    + " is compiled by the first intended send time.")
    boolean noWarmup;

    /** How long the warm-up runs the hot path. */
    static final long WARMUP_MILLIS = 500;

    private Marks marks() {
        int colon = mark.indexOf(':');
        if (colon <= 0 || colon == mark.length() - 1) {
            throw new ParameterException(spec.commandLine(), "--mark must be NAME:VALUE, got '" + mark + "'");
        }
        Marks marks;
        try {
            marks = new Marks(
                    mark.substring(0, colon).strip(), mark.substring(colon + 1).strip(), !noTrace, Map.of());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--mark: " + e.getMessage(), e);
        }
        return noMark ? marks.unmarked() : marks;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        HttpTarget url;
        String pathAndQuery;
        try {
            // The connection goes to the URL's origin; its path and query are the request.
            java.net.URI uri = new java.net.URI(target);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("bad target URL '" + target + "': give scheme and host, e.g."
                        + " http://127.0.0.1:8080/api/quote/600519");
            }
            url = HttpTarget.parse(uri.getScheme() + "://" + uri.getRawAuthority());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage(), e);
        }
        boolean flatOut = rate == null;
        if (flatOut && poisson) {
            throw new ParameterException(spec.commandLine(), "--poisson needs a --rate");
        }
        if (!flatOut && (!(rate > 0) || rate > 1e7)) {
            throw new ParameterException(spec.commandLine(), "--rate must be above 0 and at most 10,000,000");
        }
        if (duration.isZero() || duration.isNegative() || timeout.isZero() || timeout.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--duration and --timeout must be positive");
        }
        if (connections < 1 || connections > 65_536) {
            throw new ParameterException(spec.commandLine(), "--connections must be between 1 and 65536");
        }
        NanoClock clock = NanoClock.system();
        Path dir = output != null
                ? output
                : Path.of("run-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                                .format(Instant.ofEpochMilli(clock.epochMillis())
                                        .atOffset(ZoneOffset.UTC)));
        OutputDirectory.createEmpty(dir, "the results");
        // Flat out, at most one request per connection is outstanding: the smallest ring is plenty.
        RingSizing sizing =
                flatOut ? null : RingSizing.derive(rate, timeout.toNanos()).withConnections(connections);
        int ringSize = flatOut ? Math.max(RingSizing.MIN_RING_SIZE, Integer.highestOneBit(connections) << 2) : 0;
        String runId = RunIds.next(clock, new java.security.SecureRandom());
        RequestShaper shaper = new RequestShaper(url, Rewrite.NONE, marks(), runId);
        RequestTemplate request;
        try {
            request = shaper.finish(shaper.start("GET", pathAndQuery), -1).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage(), e);
        }
        LongFunction<IntendedTimes> schedule = start -> flatOut
                ? new ClosedLoop(clock, start, duration.toNanos())
                : poisson
                        ? new PoissonRate(start, rate, duration.toNanos(), seed)
                        : new ConstantRate(start, rate, duration.toNanos());
        String endpoint = "GET " + pathAndQuery;
        LoadPlan plan = new LoadPlan(
                url,
                new UrlSource(endpoint, request, shaper, schedule),
                flatOut ? connections : sizing.connections(),
                ClientOptions.defaults().withRequestTimeoutNanos(timeout.toNanos()),
                flatOut ? ringSize : sizing.ringSize(),
                1_000_000_000L,
                GeneratorHealth.DEFAULT_THRESHOLD_NANOS);
        if (flatOut) {
            plan = plan.flatOut(connections);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String length = duration.toString().substring(2).toLowerCase(Locale.ROOT);
        if (flatOut) {
            out.printf(
                    Locale.ROOT,
                    "running %s flat out for %s: %d connections, one request outstanding on each (closed loop),"
                            + " ring %d events; latency is from each request's release: its service time%n",
                    target,
                    length,
                    connections,
                    ringSize);
        } else {
            out.printf(
                    Locale.ROOT,
                    "running %s at %s req/s%s for %s: %s%n",
                    target,
                    trim(rate),
                    poisson ? " (Poisson)" : "",
                    length,
                    sizing.describe());
        }
        out.flush();
        if (!noWarmup) {
            try {
                long warm = Warmup.run(clock, WARMUP_MILLIS * 1_000_000L);
                out.printf(Locale.ROOT, "warmed up: %,d requests to a server in this process%n", warm);
            } catch (IOException | RuntimeException e) {
                // Only the first second's timing depends on it: the run goes on, and says so.
                out.println("warm-up skipped (" + e + "): the first second may fall behind while the JIT compiles");
            }
            out.flush();
        }
        LoadRun run = new LoadRun(plan, clock, dir, snapshot -> err.println(RunLines.live(snapshot)));
        Thread stopper = new Thread(run::stop, "stampede-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        RunOutcome outcome;
        try {
            outcome = run.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running; the results are written below all the same
            }
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("stampede", BuildInfo.load().version());
        versions.put("java", System.getProperty("java.version"));
        RunInfo info = RunInfo.of(
                runId,
                "run " + target,
                target,
                versions,
                outcome.startEpochMillis(),
                outcome.endEpochMillis(),
                outcome.events(),
                outcome.last(),
                outcome.sendLagThresholdNanos(),
                outcome.mode(),
                outcome.generatorUse());
        RunJsonWriter.write(info, dir);
        RunLines.summary(out, outcome, info, dir);
        if (outcome.hlogFailure() != null) {
            throw new RunFailedException("latency.hlog could not be written: " + outcome.hlogFailure());
        }
        return ExitCode.OK;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
