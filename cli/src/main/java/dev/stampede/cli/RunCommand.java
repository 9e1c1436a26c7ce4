package dev.stampede.cli;

import dev.stampede.common.time.NanoClock;
import dev.stampede.control.capacity.CapacityJsonWriter;
import dev.stampede.control.live.LiveRate;
import dev.stampede.engine.control.RunSupervision;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.RunEvents;
import dev.stampede.engine.measure.RunIds;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.engine.measure.RunMode;
import dev.stampede.engine.pipeline.LoadRun;
import dev.stampede.engine.pipeline.RunOutcome;
import dev.stampede.engine.pipeline.ScenarioPlanner;
import dev.stampede.engine.pipeline.Warmup;
import dev.stampede.engine.scenario.Arrivals;
import dev.stampede.engine.scenario.Marks;
import dev.stampede.engine.scenario.ModelSource;
import dev.stampede.engine.scenario.Protocol;
import dev.stampede.engine.scenario.ReplaySource;
import dev.stampede.engine.scenario.Scenario;
import dev.stampede.engine.scenario.ScenarioException;
import dev.stampede.engine.scenario.ScenarioLoader;
import dev.stampede.engine.scenario.UrlSource;
import dev.stampede.report.console.ConsoleFrame;
import dev.stampede.report.console.LiveConsole;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stampede run [SCENARIO.yaml] [flags]}: a scenario file, flags, or both (flags override the
 * file), checked completely before any request is sent, then run: one URL at a fixed rate like wrk2,
 * or a record store replayed. Measured from the intended send times (no coordinated omission).
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs a scenario: a file (docs/scenario.md), flags, or both (flags override the file). Every value is"
                    + " checked before any request is sent.",
            "  stampede run --target URL --rate R --duration D      one URL at a fixed rate (like wrk2)",
            "  stampede run --target URL --duration D               one URL flat out (like wrk)",
            "  stampede run --target BASE_URL --replay STORE [--speed 2]   a record store replayed",
            "  stampede run --target BASE_URL --model DIR --rate R --duration D --test-accounts CSV   sessions from a model",
            "  stampede run SCENARIO.yaml -o RESULT_DIR",
            "Latency is measured from each request's intended send time (coordinated-omission free), service time"
                    + " from the actual send, and send lag; every scheduled request ends as exactly one outcome.",
            "Writes RESULT_DIR/latency.hlog (HdrHistogram interval log, ns, one tag per endpoint and metric) and"
                    + " RESULT_DIR/run.json."
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SCENARIO",
            description = "Scenario file (YAML, see docs/scenario.md).")
    Path scenarioFile;

    @Option(
            names = "--target",
            paramLabel = "URL",
            description = "Where requests go (http:// or https://). Without a scenario, --replay or --model: the one"
                    + " URL to load; with them: the base URL the recorded or generated paths go below.")
    String target;

    @Option(
            names = "--rate",
            paramLabel = "R",
            description = "Requests per second (one URL, or a model's sessions), scheduled whatever the responses do;"
                    + " without it one URL is sent flat out, like wrk.")
    Double rate;

    @Option(
            names = "--duration",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "How long to send, e.g. 30s, 2m (a replay: at most this long; default: the store's span"
                    + " over the speed).")
    Duration duration;

    @Option(
            names = "--connections",
            paramLabel = "N",
            description = "Keep-alive connections, opened as needed (default: 64); requests beyond them wait, and the"
                    + " wait counts in their latency and send lag.")
    Integer connections;

    @Option(
            names = "--timeout",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "Request timeout (default: 5s).")
    Duration timeout;

    @Option(
            names = "--send-lag-threshold",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "The send-lag p99 above which the run says the generator fell behind (default: 1ms)."
                    + " Paced requests go out in windows of half of it (at most 5ms): a larger threshold trades"
                    + " send lag for fewer wake-ups, so less CPU at high rates.")
    Duration sendLagThreshold;

    @Option(
            names = "--protocol",
            paramLabel = "P",
            description = "http1 (default): keep-alive HTTP/1.1, one request per connection at a time; h2: HTTP/2"
                    + " over TLS, agreed by ALPN (needs https://; a server that does not agree fails the connect);"
                    + " h2c: HTTP/2 over cleartext with prior knowledge (needs http://). HTTP/2 multiplexes up to"
                    + " 100 requests per connection, fewer if the server says so.")
    String protocol;

    @Option(
            names = "--insecure",
            description = "https://: trust any server certificate and skip the host name check. For test"
                    + " environments with self-signed certificates only; said once when the run starts.")
    boolean insecure;

    @Option(
            names = "--sni",
            paramLabel = "NAME",
            description = "https://: the server name to send in TLS SNI and check the certificate against"
                    + " (default: the target's host; none for an IP address).")
    String sni;

    @Option(names = "--poisson", description = "Poisson arrivals at the rate (default: evenly spaced).")
    boolean poisson;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the Poisson arrivals (default: 1).")
    Long seed;

    @Option(
            names = "--mark",
            paramLabel = "NAME:VALUE",
            description = "The test-mark header every request carries (default: X-Stampede-Test:1); the chain under"
                    + " test routes marked traffic to its shadow stores.")
    String mark;

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

    @ArgGroup(exclusive = false, heading = "%nReplaying a record store:%n")
    ReplayFlags replay;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "Generate sessions from this model (from `stampede model`) at --rate requests per second:"
                    + " each logs in, walks the transitions with sampled think times, fills slots from the data pool.")
    Path model;

    @Option(names = "--uniform", description = "Model sessions arrive evenly spaced (default: Poisson).")
    boolean uniform;

    @Option(
            names = "--no-warmup",
            description = "Start without warming up: by default the engine first runs its own hot path for"
                    + " 0.2 s against a server inside the process (nothing reaches the target), so that it is"
                    + " compiled by the first intended send time.")
    boolean noWarmup;

    /** After a signal, how long past the request timeout the results may take to be written. */
    private static final long SIGNAL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * How long the warm-up runs the hot path: long enough for C1 to compile it (a few thousand requests
     * each way). Measured at 20k req/s on one core: 500 ms cost 4.6-5.0 CPU-s for a 10 s run, 200 ms
     * 4.2, 100 ms 4.5 (less was compiled before the run), with the same first-second send lag.
     */
    static final long WARMUP_MILLIS = 200;

    @Option(
            names = "--journal",
            description = "Write the per-request result journal (RESULT_DIR/journal/: intended, sent and done times,"
                    + " endpoint, status, bytes, outcome, trace id); read it with `stampede journal RESULT_DIR`.")
    boolean journal;

    @picocli.CommandLine.Mixin
    ControlFlags control = new ControlFlags();

    @Option(
            names = "--production",
            description = "A production drill (as mode: production in the scenario): refuses to start unless the target"
                    + " is in the scenario's allowlist, test marks are on, load.maxRate is set and a guard aborts.")
    boolean production;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "RESULT_DIR",
            description = "Result directory to create (default: run-<UTC time> here).")
    Path output;

    /** Scenario fields and the flags that set them. */
    private static final String[][] FLAG_FIELDS = {
        {"target", "--target"},
        {"duration", "--duration"},
        {"connections", "--connections"},
        {"timeout", "--timeout"},
        {"sendLagThreshold", "--send-lag-threshold"},
        {"protocol", "--protocol"},
        {"insecure", "--insecure"},
        {"sni", "--sni"},
        {"source.url.rate", "--rate"},
        {"source.model.rate", "--rate"},
        {"source.model.dir", "--model"},
        {"source.replay.store", "--replay"},
        {"source.replay.speed", "--speed"},
        {"source.replay.window", "--window"},
        {"source.replay.peakModel", "--peak"},
        {"source.replay.loop", "--loop"},
        {"source.replay.amplify", "--amplify"},
        {"source.replay.testAccounts", "--test-accounts"},
        {"source.replay.multipliers", "--multiplier"},
        {"mode", "--production"}
    };

    @Override
    public Integer call() throws IOException, InterruptedException {
        Scenario scenario = scenario();
        try {
            dev.stampede.engine.http.HttpTarget.parse(scenario.target().toString());
        } catch (IllegalArgumentException e) {
            String where = scenarioFile != null && target == null ? scenarioFile + ": target: " : "--target: ";
            throw new ParameterException(spec.commandLine(), where + e.getMessage(), e);
        }
        NanoClock clock = NanoClock.system();
        String runId = RunIds.next(clock, new java.security.SecureRandom());
        PrintWriter out = spec.commandLine().getOut();
        if (scenario.source() instanceof ReplaySource replaySource) {
            out.printf(Locale.ROOT, "reading %s ...%n", replaySource.store());
            out.flush();
        }
        RunEvents events = new RunEvents(clock);
        ScenarioPlanner.Planned planned;
        try {
            planned = ScenarioPlanner.plan(scenario, runId, clock, (who, what) -> events.add(who + ": " + what));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RunFailedException(e.getMessage());
        }
        Path dir = resultDir(clock);
        planned.description().forEach(out::println);
        out.flush();
        return execute(planned, clock, dir, runId, scenario, events);
    }

    /** The scenario of the file and the flags, checked: every problem at once, as a usage error. */
    private Scenario scenario() {
        try {
            Scenario.Builder builder = scenarioFile != null ? ScenarioLoader.read(scenarioFile) : Scenario.builder();
            // Problems name the flag that set a field; without a file, also the flags that are missing.
            for (String[] pair : FLAG_FIELDS) {
                if (scenarioFile == null || spec.commandLine().getParseResult().hasMatchedOption(pair[1])) {
                    builder.flag(pair[0], pair[1]);
                }
            }
            applyFlags(builder);
            return builder.build();
        } catch (ScenarioException e) {
            throw new ParameterException(spec.commandLine(), e.annotatedMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private void applyFlags(Scenario.Builder builder) {
        if (production) {
            builder.production(true);
        }
        boolean replaying = replay != null && replay.given();
        if (replaying && model != null) {
            throw new IllegalArgumentException("--replay and --model: give one source");
        }
        if (replaying) {
            builder.source(replay.spec());
        }
        if (model != null) {
            Path accounts = replay != null && replay.testAccounts != null ? replay.testAccounts.toAbsolutePath() : null;
            builder.source(new ModelSource(
                    model.toAbsolutePath(),
                    rate == null ? 0 : rate,
                    uniform ? Arrivals.UNIFORM : Arrivals.POISSON,
                    seed == null ? 1 : seed,
                    accounts));
            replaying = true; // --target is the base URL, not one request
        } else if (builder.source() instanceof ModelSource fileModel && (rate != null || uniform || seed != null)) {
            builder.source(new ModelSource(
                    fileModel.dir(),
                    rate != null ? rate : fileModel.ratePerSec(),
                    uniform ? Arrivals.UNIFORM : fileModel.arrivals(),
                    seed != null ? seed : fileModel.seed(),
                    fileModel.testAccounts()));
        }
        if (target != null) {
            URI uri = uri(target);
            if (!replaying && builder.source() == null) {
                // One URL: the connection goes to its origin; its path and query are the request.
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                builder.target(uri(uri.getScheme() + "://" + uri.getRawAuthority()));
                builder.source(UrlSource.get(pathAndQuery));
            } else {
                builder.target(uri);
            }
        }
        if (builder.source() instanceof UrlSource url) {
            UrlSource changed = url;
            if (rate == null && poisson) {
                throw new IllegalArgumentException("--poisson needs --rate (without it the run is flat out)");
            }
            if (rate != null && !(rate > 0)) {
                throw new IllegalArgumentException(
                        "--rate must be above 0 (leave it out to send as fast as the connections allow)");
            }
            if (rate != null) {
                changed = changed.withRatePerSec(rate);
            }
            if (poisson || seed != null) {
                changed = new UrlSource(
                        changed.method(),
                        changed.path(),
                        changed.headers(),
                        changed.body(),
                        changed.ratePerSec(),
                        poisson ? Arrivals.POISSON : changed.arrivals(),
                        seed != null ? seed : changed.seed());
            }
            builder.source(changed);
        } else if (rate != null && !(builder.source() instanceof ModelSource)) {
            throw new IllegalArgumentException("--rate applies to one URL or a model; a replay's pace is --speed");
        }
        if (builder.source() == null && target == null && scenarioFile == null) {
            throw new IllegalArgumentException(
                    "give a scenario file, --target URL --rate R --duration D, or --target URL --replay STORE");
        }
        if (duration != null) {
            builder.duration(duration);
        }
        if (connections != null) {
            builder.connections(connections);
        }
        if (timeout != null) {
            builder.timeout(timeout);
        }
        if (sendLagThreshold != null) {
            builder.sendLagThreshold(sendLagThreshold);
        }
        if (protocol != null) {
            builder.protocol(
                    switch (protocol) {
                        case "http1" -> Protocol.HTTP1;
                        case "h2" -> Protocol.H2;
                        case "h2c" -> Protocol.H2C;
                        default ->
                            throw new IllegalArgumentException(
                                    "--protocol must be http1, h2 or h2c, got '" + protocol + "'");
                    });
        }
        if (insecure) {
            builder.insecure(true);
        }
        if (journal) {
            builder.journal(true);
        }
        if (sni != null) {
            builder.sni(sni);
        }
        if (mark != null || noMark || noTrace) {
            builder.marks(marks(builder.marks()));
        }
    }

    private Marks marks(Marks current) {
        Marks.TestMark test = current.test();
        if (mark != null) {
            int colon = mark.indexOf(':');
            if (colon <= 0 || colon == mark.length() - 1) {
                throw new IllegalArgumentException("--mark must be NAME:VALUE, got '" + mark + "'");
            }
            test = new Marks.TestMark(
                    mark.substring(0, colon).strip(), mark.substring(colon + 1).strip());
        }
        return new Marks(noMark ? null : test, current.traceparent() && !noTrace, current.baggage());
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("--target: bad URL '" + text + "': give scheme and host, e.g."
                        + " http://127.0.0.1:8080/api/quote/600519");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--target: bad URL '" + text + "': " + e.getReason());
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
    private int execute(
            ScenarioPlanner.Planned planned,
            NanoClock clock,
            Path dir,
            String runId,
            Scenario scenario,
            RunEvents events)
            throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!noWarmup) {
            try {
                long warm = Warmup.run(
                        clock, WARMUP_MILLIS * 1_000_000L, planned.plan().mode() != RunMode.FLAT_OUT);
                out.printf(Locale.ROOT, "warmed up: %,d requests to a server in this process%n", warm);
            } catch (IOException | RuntimeException e) {
                // Only the first second's timing depends on it: the run goes on, and says so.
                out.println("warm-up skipped (" + e + "): the first second may fall behind while the JIT compiles");
            }
            out.flush();
        }
        AtomicReference<LiveSnapshot> latest = new AtomicReference<>();
        AtomicReference<LoadRun> running = new AtomicReference<>();
        LiveConsole console = new LiveConsole(err, LiveConsole.onTerminal());
        java.time.Duration runFor = ScenarioPlanner.runDuration(scenario);
        double plannedSeconds = runFor == null ? Double.NaN : runFor.toNanos() / 1e9;
        LiveRate rate =
                planned.plan().live() == null ? null : planned.plan().live().rate();
        RunSupervision supervision = RunSupervision.of(
                scenario, rate, reason -> running.get().stop(reason), (who, what) -> events.add(who + ": " + what));
        LoadRun run = new LoadRun(
                planned.plan(),
                clock,
                dir,
                snapshot -> {
                    latest.set(snapshot);
                    supervision.onSnapshot(snapshot);
                    console.show(ConsoleFrame.of(
                            snapshot,
                            plannedSeconds,
                            rate == null ? Double.NaN : rate.current(),
                            rate == null ? "req/s" : rate.unit(),
                            running.get().inFlight(),
                            SupervisionLines.live(supervision.guardStatus())));
                },
                events);
        running.set(run);
        RunControl control;
        try {
            control = RunControl.start(
                    this.control,
                    rate,
                    run::stop,
                    () -> RunStatus.of(latest.get(), supervision.guardStatus()),
                    dir,
                    out);
        } catch (IOException | IllegalArgumentException e) {
            throw new RunFailedException("the control API could not start: " + e.getMessage());
        }
        // Ctrl-C or SIGTERM: stop sending at once, let what is in flight end, and write every result file
        // before the JVM exits (it waits for this hook, and the hook waits for the results).
        CountDownLatch written = new CountDownLatch(1);
        Thread stopper = new Thread(
                () -> {
                    run.stop("stopped by a signal (Ctrl-C or SIGTERM)");
                    try {
                        written.await(
                                planned.plan().client().requestTimeoutNanos() + SIGNAL_GRACE_NANOS,
                                TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "stampede-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return finish(run, control, console, supervision, dir, runId, scenario);
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and now returns; the results were written
            }
        }
    }

    /** Runs to the end, then writes run.json and prints the summary. */
    private int finish(
            LoadRun run,
            RunControl control,
            LiveConsole console,
            RunSupervision supervision,
            Path dir,
            String runId,
            Scenario scenario)
            throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        RunOutcome outcome;
        try {
            supervision.start();
            outcome = run.run();
        } finally {
            console.done();
            if (control != null) {
                control.close();
            }
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("stampede", BuildInfo.load().version());
        versions.put("java", System.getProperty("java.version"));
        RunInfo info = RunInfo.of(
                        runId,
                        scenario.name(),
                        ScenarioPlanner.targetName(scenario),
                        versions,
                        outcome.startEpochMillis(),
                        outcome.endEpochMillis(),
                        outcome.events(),
                        outcome.last(),
                        outcome.sendLagThresholdNanos(),
                        outcome.mode(),
                        outcome.generatorUse())
                .withSlo(supervision.sloResults());
        RunJsonWriter.write(info, dir);
        RunLines.summary(out, outcome, info, dir);
        SupervisionLines.summary(out, scenario, supervision.sloResults());
        var capacity = supervision.capacity("the run ended before the search did");
        if (capacity.isPresent()) {
            Path file = CapacityJsonWriter.write(capacity.get(), dir);
            SupervisionLines.capacity(out, capacity.get(), file);
        }
        ReportCommand.writeReports(dir, out);
        out.flush();
        if (outcome.hlogFailure() != null) {
            throw new RunFailedException("latency.hlog could not be written: " + outcome.hlogFailure());
        }
        String aborted = SupervisionLines.aborted(scenario, supervision.sloResults());
        if (aborted != null) {
            throw new RunFailedException(aborted + " (every result file was written)");
        }
        return ExitCode.OK;
    }
}
