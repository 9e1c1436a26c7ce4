package dev.stampede.cli;

import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.HttpProtocol;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.http.TlsOptions;
import dev.stampede.engine.measure.GeneratorHealth;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.engine.pipeline.LoadPlan;
import dev.stampede.engine.pipeline.LoadRun;
import dev.stampede.engine.pipeline.RunOutcome;
import dev.stampede.engine.schedule.ConstantRate;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.schedule.PoissonRate;
import dev.stampede.engine.schedule.RingSizing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
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
                    + " keep-alive HTTP/1.1 or multiplexed HTTP/2 connections (TLS for https://), and measures"
                    + " latency from each request's intended send time (coordinated-omission free), service time"
                    + " from the actual send, and send lag.",
            "Writes RESULT_DIR/latency.hlog (HdrHistogram interval log, ns, one tag per endpoint and metric)"
                    + " and RESULT_DIR/run.json; every scheduled request ends as exactly one outcome.",
            "Replaying a record store or a model, and scenario files, arrive with the rest of the engine."
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--target",
            paramLabel = "URL",
            required = true,
            description = "The URL to load (http:// or https://).")
    String target;

    @Option(
            names = "--rate",
            paramLabel = "R",
            required = true,
            description = "Requests per second, scheduled whatever the responses do.")
    double rate;

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

    @Option(
            names = "--protocol",
            paramLabel = "P",
            description = "http1 (default): keep-alive HTTP/1.1, one request per connection at a time; h2: HTTP/2"
                    + " over TLS, agreed by ALPN (needs https://; a server that does not agree fails the connect);"
                    + " h2c: HTTP/2 over cleartext with prior knowledge (needs http://). HTTP/2 multiplexes up to"
                    + " 100 requests per connection, fewer if the server says so.")
    String protocol = HttpProtocol.HTTP1.code();

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
        if (!(rate > 0) || rate > 1e7) {
            throw new ParameterException(spec.commandLine(), "--rate must be above 0 and at most 10,000,000");
        }
        if (duration.isZero() || duration.isNegative() || timeout.isZero() || timeout.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--duration and --timeout must be positive");
        }
        if (connections < 1 || connections > 65_536) {
            throw new ParameterException(spec.commandLine(), "--connections must be between 1 and 65536");
        }
        ClientOptions client = clientOptions(url);
        NanoClock clock = NanoClock.system();
        Path dir = output != null
                ? output
                : Path.of("run-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                                .format(Instant.ofEpochMilli(clock.epochMillis())
                                        .atOffset(ZoneOffset.UTC)));
        OutputDirectory.createEmpty(dir, "the results");
        RingSizing sizing = RingSizing.derive(rate, timeout.toNanos()).withConnections(connections);
        RequestTemplate request;
        try {
            request = RequestTemplate.get(url, pathAndQuery);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage(), e);
        }
        LongFunction<IntendedTimes> schedule = start -> poisson
                ? new PoissonRate(start, rate, duration.toNanos(), seed)
                : new ConstantRate(start, rate, duration.toNanos());
        String endpoint = "GET " + pathAndQuery;
        LoadPlan plan = new LoadPlan(
                url,
                List.of(endpoint),
                List.of(request),
                schedule,
                sizing.connections(),
                client,
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
        if (client.protocol() != HttpProtocol.HTTP1) {
            out.printf(Locale.ROOT, "protocol %s%n", client.protocol().code());
        }
        if (insecure) {
            out.println("--insecure: server certificates and host names are NOT checked (test environments only)");
        }
        out.flush();
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
                "run " + target,
                target,
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

    /** The client options from --timeout, --protocol, --insecure and --sni, checked against the target. */
    private ClientOptions clientOptions(HttpTarget url) {
        ClientOptions client = ClientOptions.defaults().withRequestTimeoutNanos(timeout.toNanos());
        try {
            client = client.withProtocol(HttpProtocol.ofCode(protocol));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--protocol: " + e.getMessage(), e);
        }
        try {
            client = client.withTls(new TlsOptions(insecure, sni));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sni: " + e.getMessage(), e);
        }
        try {
            client.checkFits(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target " + url + ": " + e.getMessage(), e);
        }
        return client;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
