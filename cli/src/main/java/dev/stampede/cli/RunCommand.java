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
import dev.stampede.engine.schedule.ConstantRate;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.schedule.PoissonRate;
import dev.stampede.engine.schedule.RingSizing;
import dev.stampede.engine.source.Marks;
import dev.stampede.engine.source.ReplayOptions;
import dev.stampede.engine.source.ReplayScan;
import dev.stampede.engine.source.ReplaySource;
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
            description = "Requests per second to one URL, scheduled whatever the responses do.")
    Double rate;

    @Option(
            names = "--duration",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "How long to send, e.g. 30s, 2m (a replay: at most this long; default: the store's span"
                    + " over the speed).")
    Duration duration;

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "%nReplaying a record store:%n")
    ReplayFlags replay;

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
        if (replay != null && replay.given()) {
            return replay();
        }
        if (rate == null || duration == null) {
            throw new ParameterException(
                    spec.commandLine(), "give --rate and --duration to load one URL, or --replay STORE");
        }
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
        if (!(rate > 0) || rate > 1e7) {
            throw new ParameterException(spec.commandLine(), "--rate must be above 0 and at most 10,000,000");
        }
        checkCommon();
        NanoClock clock = NanoClock.system();
        Path dir = resultDir(clock);
        RingSizing sizing = RingSizing.derive(rate, timeout.toNanos()).withConnections(connections);
        String runId = RunIds.next(clock, new java.security.SecureRandom());
        RequestShaper shaper = new RequestShaper(url, Rewrite.NONE, marks(), runId);
        RequestTemplate request;
        try {
            request = shaper.finish(shaper.start("GET", pathAndQuery), -1).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage(), e);
        }
        LongFunction<IntendedTimes> schedule = start -> poisson
                ? new PoissonRate(start, rate, duration.toNanos(), seed)
                : new ConstantRate(start, rate, duration.toNanos());
        String endpoint = "GET " + pathAndQuery;
        LoadPlan plan = new LoadPlan(
                url,
                new UrlSource(endpoint, request, shaper, schedule),
                sizing.connections(),
                ClientOptions.defaults().withRequestTimeoutNanos(timeout.toNanos()),
                sizing.ringSize(),
                1_000_000_000L,
                GeneratorHealth.DEFAULT_THRESHOLD_NANOS);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(
                Locale.ROOT,
                "running %s at %s req/s%s for %s: %s%n",
                target,
                trim(rate),
                poisson ? " (Poisson)" : "",
                duration.toString().substring(2).toLowerCase(Locale.ROOT),
                sizing.describe());
        out.flush();
        return execute(plan, clock, dir, runId, "run " + target, target);
    }

    /** {@code --replay STORE}: the store's records against the target, at their recorded times over the speed. */
    private int replay() throws IOException, InterruptedException {
        HttpTarget base;
        try {
            base = HttpTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage(), e);
        }
        if (rate != null) {
            throw new ParameterException(spec.commandLine(), "--rate does not apply to a replay: use --speed");
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new ParameterException(spec.commandLine(), "--duration must be positive");
        }
        checkCommon();
        ReplayOptions options;
        try {
            options = replay.options(duration == null ? 0 : duration.toNanos());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        NanoClock clock = NanoClock.system();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "reading %s ...%n", options.store());
        out.flush();
        ReplayScan scan;
        try {
            scan = ReplayScan.of(options);
        } catch (RuntimeException e) {
            throw new RunFailedException("--replay " + options.store() + ": " + e.getMessage());
        }
        if (scan.selected() == 0) {
            throw new RunFailedException("nothing to replay: none of the " + scan.records() + " records in "
                    + options.store() + " is in the window and passes the filters");
        }
        Path dir = resultDir(clock);
        double maxFactor = options.multipliers().stream()
                .mapToDouble(ReplayOptions.Multiplier::factor)
                .max()
                .orElse(1);
        double peakRate = scan.busiestSecond() * options.speed() * options.amplify() * Math.max(1, maxFactor);
        RingSizing sizing = RingSizing.derive(peakRate, timeout.toNanos()).withConnections(connections);
        String runId = RunIds.next(clock, new java.security.SecureRandom());
        RequestShaper shaper = new RequestShaper(base, Rewrite.NONE, marks(), runId);
        ReplaySource source = new ReplaySource(options, scan, shaper);
        LoadPlan plan = new LoadPlan(
                base,
                source,
                sizing.connections(),
                ClientOptions.defaults().withRequestTimeoutNanos(timeout.toNanos()),
                sizing.ringSize(),
                1_000_000_000L,
                GeneratorHealth.DEFAULT_THRESHOLD_NANOS);
        double seconds = scan.spanMicros() / 1e6 / options.speed();
        out.printf(
                Locale.ROOT,
                "replaying %,d of %,d records (%d endpoints, %.1f s at speed %s%s%s) against %s: %s%n",
                scan.selected(),
                scan.records(),
                scan.endpointNames().size(),
                seconds,
                trim(options.speed()),
                options.amplify() > 1 ? ", " + options.amplify() + " users per recorded one" : "",
                options.loops() != 1 ? (options.loops() == 0 ? ", looping" : ", " + options.loops() + " loops") : "",
                base,
                sizing.describe());
        if (options.amplify() > 1 && options.testAccounts() == null) {
            out.println("note: without --test-accounts, the cloned users log in as the recorded ones");
        }
        out.flush();
        return execute(plan, clock, dir, runId, "replay " + options.store(), base.toString());
    }

    private void checkCommon() {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--timeout must be positive");
        }
        if (connections < 1 || connections > 65_536) {
            throw new ParameterException(spec.commandLine(), "--connections must be between 1 and 65536");
        }
    }

    private Path resultDir(NanoClock clock) throws IOException {
        Path dir = output != null
                ? output
                : Path.of("run-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                                .format(Instant.ofEpochMilli(clock.epochMillis())
                                        .atOffset(ZoneOffset.UTC)));
        OutputDirectory.createEmpty(dir, "the results");
        return dir;
    }

    /** Runs the plan (Ctrl-C stops it cleanly), writes run.json and prints the summary. */
    private int execute(LoadPlan plan, NanoClock clock, Path dir, String runId, String scenario, String targetName)
            throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
                scenario,
                targetName,
                versions,
                outcome.startEpochMillis(),
                outcome.endEpochMillis(),
                outcome.events(),
                outcome.last(),
                outcome.sendLagThresholdNanos());
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
