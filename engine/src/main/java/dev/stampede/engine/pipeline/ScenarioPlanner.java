package dev.stampede.engine.pipeline;

import dev.stampede.common.time.NanoClock;
import dev.stampede.control.ControlLog;
import dev.stampede.control.live.LiveRate;
import dev.stampede.control.profile.RateProfile;
import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.HttpProtocol;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.http.TlsOptions;
import dev.stampede.engine.scenario.Arrivals;
import dev.stampede.engine.scenario.DurationFormat;
import dev.stampede.engine.scenario.LoadSpec;
import dev.stampede.engine.scenario.ReplayWindow;
import dev.stampede.engine.scenario.Scenario;
import dev.stampede.engine.scenario.SourceSpec;
import dev.stampede.engine.schedule.ClosedLoop;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.schedule.LiveGate;
import dev.stampede.engine.schedule.RateProfileTimes;
import dev.stampede.engine.schedule.RingSizing;
import dev.stampede.engine.source.EndpointFactors;
import dev.stampede.engine.source.Marks;
import dev.stampede.engine.source.ModelSource;
import dev.stampede.engine.source.ModelSourceOptions;
import dev.stampede.engine.source.ReplayOptions;
import dev.stampede.engine.source.ReplayScan;
import dev.stampede.engine.source.ReplaySource;
import dev.stampede.engine.source.RequestShaper;
import dev.stampede.engine.source.Rewrite;
import dev.stampede.engine.source.UrlSource;
import dev.stampede.model.ModelFiles;
import dev.stampede.model.arrival.Peak;
import dev.stampede.model.pool.TestAccounts;
import dev.stampede.model.session.SessionKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Turns a checked {@link Scenario} into a {@link LoadPlan}: the target, the source (a URL on a
 * schedule, or a record store replayed), the rewriting and marks every request gets, and ring and pool
 * sizes derived from the peak rate and the timeout. Reading the files a scenario names (a record
 * store's first pass, a model's peak, test accounts) happens here, before any request is sent.
 */
public final class ScenarioPlanner {

    private ScenarioPlanner() {}

    /**
     * A plan and what to tell the user about it.
     *
     * @param plan the run's plan
     * @param description lines saying what will be sent, how fast, with which ring and pool
     */
    public record Planned(LoadPlan plan, List<String> description) {}

    /**
     * Plans {@code scenario} as run {@code runId}.
     *
     * @throws IllegalArgumentException when a file the scenario names cannot be used (unreadable test
     *     accounts, a model without a peak, a store with nothing in the window), naming it
     */
    public static Planned plan(Scenario scenario, String runId, NanoClock clock) throws IOException {
        return plan(scenario, runId, clock, ControlLog.NONE);
    }

    /**
     * Plans {@code scenario} as run {@code runId}, its live rate (a rate, a replay's speed, a model's rate:
     * everything but flat out) recording every change in {@code log}.
     *
     * @throws IllegalArgumentException when a file the scenario names cannot be used (unreadable test
     *     accounts, a model without a peak, a store with nothing in the window), naming it
     */
    public static Planned plan(Scenario scenario, String runId, NanoClock clock, ControlLog log) throws IOException {
        HttpTarget target = HttpTarget.parse(scenario.target().toString());
        RequestShaper shaper = new RequestShaper(target, rewrite(scenario.rewrite()), marks(scenario.marks()), runId);
        ClientOptions client = ClientOptions.defaults()
                .withRequestTimeoutNanos(scenario.timeout().toNanos())
                .withConnectTimeoutNanos(scenario.connectTimeout().toNanos())
                .withProtocol(
                        switch (scenario.protocol()) {
                            case HTTP1 -> HttpProtocol.HTTP1;
                            case H2 -> HttpProtocol.H2;
                            case H2C -> HttpProtocol.H2C;
                        })
                .withTls(new TlsOptions(scenario.insecure(), scenario.sni()));
        client.checkFits(target);
        List<String> description = new ArrayList<>();
        if (client.protocol() != HttpProtocol.HTTP1) {
            description.add("protocol " + client.protocol().code());
        }
        if (scenario.insecure()) {
            description.add("insecure: server certificates and host names are NOT checked (test environments only)");
        }
        if (!scenario.sendLagThreshold().equals(Scenario.DEFAULT_SEND_LAG_THRESHOLD)) {
            long window =
                    LoadPlan.releaseWindowNanos(scenario.sendLagThreshold().toNanos());
            description.add(String.format(
                    Locale.ROOT,
                    "send-lag threshold %s: paced requests go out in release windows of %s, each up to that"
                            + " late (the default 1ms: 500us windows; wider ones wake the generator less)",
                    DurationFormat.format(scenario.sendLagThreshold()),
                    DurationFormat.format(java.time.Duration.ofNanos(window))));
        }
        SourceSpec spec = scenario.source();
        if (spec instanceof dev.stampede.engine.scenario.UrlSource url) {
            return url(scenario, url, target, shaper, client, description, clock, log);
        }
        if (spec instanceof dev.stampede.engine.scenario.ReplaySource replay) {
            return replay(scenario, replay, target, shaper, client, description, clock, log);
        }
        if (spec instanceof dev.stampede.engine.scenario.ModelSource model) {
            return model(scenario, model, target, shaper, client, description, clock, log);
        }
        throw new IllegalArgumentException("a " + kind(spec) + " source cannot be run yet");
    }

    private static Planned model(
            Scenario scenario,
            dev.stampede.engine.scenario.ModelSource model,
            HttpTarget target,
            RequestShaper shaper,
            ClientOptions client,
            List<String> description,
            NanoClock clock,
            ControlLog log)
            throws IOException {
        ModelSourceOptions options = ModelSourceOptions.of(model.ratePerSec())
                .withArrivals(
                        model.arrivals() == Arrivals.UNIFORM
                                ? ModelSourceOptions.Arrivals.UNIFORM
                                : ModelSourceOptions.Arrivals.POISSON)
                .withSeed(model.seed())
                .withDurationNanos(runDuration(scenario).toNanos())
                .withLoginWaitNanos(scenario.timeout().toNanos());
        if (model.testAccounts() != null) {
            options = options.withTestAccounts(TestAccounts.read(model.testAccounts()));
        }
        ModelSource source = ModelSource.open(model.dir(), options, shaper);
        RateProfile profile = profile(scenario, model.ratePerSec());
        LoadPlan.Live live = live(scenario, profile, "req/s", clock, log);
        source.liveRate(live.rate()::rateAt, live.gate());
        source.endpointFactors(endpointFactors(scenario));
        RingSizing sizing = RingSizing.derive(
                        peak(scenario, profile) * Math.max(1, maxEndpointFactor(scenario)),
                        scenario.timeout().toNanos())
                .withConnections(scenario.connections());
        description.add(String.format(
                Locale.ROOT,
                "running the model %s at %s (%s sessions of %.1f requests over %.1f s; about %,.0f open at the peak)"
                        + " for %s against %s: %s",
                model.dir(),
                rateWords(scenario, model.ratePerSec()),
                model.arrivals() == Arrivals.UNIFORM ? "evenly spaced" : "Poisson",
                source.requestsPerSession(),
                source.secondsPerSession(),
                source.expectedOpenSessions(peak(scenario, profile)),
                describe(runDuration(scenario)),
                target,
                sizing.describe()));
        description.add("note: sessions arrive from the start, so the rate reaches its target after about one session"
                + " length");
        if (scenario.capacity() != null
                && scenario.capacity().settle().toNanos() / 1e9 < 1.5 * source.secondsPerSession()) {
            description.add(String.format(
                    Locale.ROOT,
                    "warning: capacity.settle (%s) is shorter than one and a half sessions (%.1f s): after each rate"
                            + " change the request rate takes about that long to follow, so steps may be judged short"
                            + " of their target; give capacity.settle (and a longer stepFor)",
                    describe(scenario.capacity().settle()),
                    1.5 * source.secondsPerSession()));
        }
        describeProfile(scenario, "req/s", description);
        return new Planned(
                plan(shaper.runId(), scenario, target, source, sizing.connections(), sizing.ringSize(), client, live),
                description);
    }

    /** The run's live rate: {@code profile} under live changes, read behind a gate on {@code clock}. */
    private static LoadPlan.Live live(
            Scenario scenario, RateProfile profile, String unit, NanoClock clock, ControlLog log) {
        return new LoadPlan.Live(new LiveRate(profile, scenario.load().maxRate(), unit, log), LiveGate.parking(clock));
    }

    /** The scenario's profile, or the source's own rate (or speed) throughout. */
    private static RateProfile profile(Scenario scenario, double sourceRate) {
        RateProfile profile = scenario.load().profile();
        return profile != null ? profile : RateProfile.constant(sourceRate);
    }

    /** The scenario's {@code load.endpoints}, for a source. */
    private static EndpointFactors endpointFactors(Scenario scenario) {
        List<LoadSpec.EndpointFactor> factors = scenario.load().endpoints();
        return new EndpointFactors(
                factors.stream().map(LoadSpec.EndpointFactor::pattern).toList(),
                factors.stream()
                        .map(f -> (java.util.function.DoubleUnaryOperator) f::at)
                        .toList());
    }

    /** The highest endpoint factor (at least 1): rings are sized for the most copies. */
    private static double maxEndpointFactor(Scenario scenario) {
        return scenario.load().endpoints().stream()
                .mapToDouble(f -> f.factor().peak())
                .max()
                .orElse(1);
    }

    /** The most the profile asks for, under the ceiling: what rings are sized for. */
    private static double peak(Scenario scenario, RateProfile profile) {
        return Math.max(Math.min(profile.peak(), scenario.load().maxRate()), 1e-3);
    }

    /**
     * How long the run sends: the scenario's duration, else the length of a profile that ends; null only
     * for a replay not looped forever (it lasts the store's span).
     */
    public static Duration runDuration(Scenario scenario) {
        if (scenario.duration() != null) {
            return scenario.duration();
        }
        if (scenario.load().ends()) {
            return Duration.ofNanos(Math.round(scenario.load().profile().seconds() * 1e9));
        }
        return null;
    }

    /** "2000 req/s", or where the profile is with a profile. */
    private static String rateWords(Scenario scenario, double sourceRate) {
        RateProfile profile = scenario.load().profile();
        return profile == null
                ? number(sourceRate) + " req/s"
                : "the profile's rates (" + number(profile.rateAt(0)) + " req/s at the start, at most "
                        + number(Math.min(profile.peak(), scenario.load().maxRate())) + ")";
    }

    /** The profile's phases for the run's printout, one line each, when the scenario has one. */
    private static void describeProfile(Scenario scenario, String unit, List<String> description) {
        if (scenario.capacity() != null) {
            var c = scenario.capacity();
            description.add(String.format(
                    Locale.ROOT,
                    "capacity search: from %s %s in steps of %s every %s up to %s, then bisection and a %s"
                            + " confirmation below the knee (the search sets the rate)",
                    number(c.from()),
                    unit,
                    number(c.step()),
                    describe(c.stepFor()),
                    number(c.upTo()),
                    describe(c.confirmFor())));
        }
        LoadSpec load = scenario.load();
        if (load.profile() != null) {
            description.add(
                    "rate profile (" + unit + "): " + load.profile().describe().replace("\n", "; "));
        }
        for (LoadSpec.EndpointFactor factor : load.endpoints()) {
            description.add("endpoint factor on /" + factor.pattern() + "/: "
                    + factor.factor().describe().replace("\n", "; ") + " (1 after it ends)");
        }
        if (load.hasCeiling()) {
            description.add("ceiling maxRate " + number(load.maxRate()) + " " + unit
                    + ": no profile value and no live change goes above it");
        }
    }

    private static Planned url(
            Scenario scenario,
            dev.stampede.engine.scenario.UrlSource url,
            HttpTarget target,
            RequestShaper shaper,
            ClientOptions client,
            List<String> description,
            NanoClock clock,
            ControlLog log) {
        // A capacity search sets the rate itself: a url without one starts at the search's first step.
        boolean flatOut = url.flatOut() && scenario.capacity() == null;
        double rate = url.flatOut() && !flatOut ? scenario.capacity().from() : url.ratePerSec();
        long durationNanos = runDuration(scenario).toNanos();
        RequestTemplate.Builder builder = shaper.start(url.method(), url.path());
        url.headers().forEach(builder::header);
        if (url.body() != null) {
            builder.body(url.body().getBytes(StandardCharsets.UTF_8));
        }
        RequestTemplate template = shaper.finish(builder, -1).build();
        String endpoint = url.method() + " " + url.path();
        if (flatOut) {
            // At most one request per connection is outstanding: the smallest ring is plenty.
            int connections = scenario.connections();
            int ringSize = Math.max(RingSizing.MIN_RING_SIZE, Integer.highestOneBit(connections) << 2);
            UrlSource source =
                    new UrlSource(endpoint, template, shaper, start -> new ClosedLoop(clock, start, durationNanos));
            description.add(String.format(
                    Locale.ROOT,
                    "running %s%s%s flat out for %s: %d connections, one request outstanding on each (closed loop),"
                            + " ring %d events; latency is from each request's release: its service time",
                    url.method().equals("GET") ? "" : url.method() + " ",
                    target,
                    url.path(),
                    describe(runDuration(scenario)),
                    connections,
                    ringSize));
            LoadPlan plan = plan(shaper.runId(), scenario, target, source, connections, ringSize, client, null);
            return new Planned(plan.flatOut(connections), description);
        }
        boolean poisson = url.arrivals() == Arrivals.POISSON;
        RateProfile profile = profile(scenario, rate);
        LoadPlan.Live live = live(scenario, profile, "req/s", clock, log);
        Long seed = poisson ? url.seed() : null;
        LongFunction<IntendedTimes> schedule =
                start -> RateProfileTimes.live(start, live.rate()::rateAt, durationNanos, live.gate(), seed);
        RingSizing sizing = RingSizing.derive(
                        peak(scenario, profile) * Math.max(1, maxEndpointFactor(scenario)),
                        scenario.timeout().toNanos())
                .withConnections(scenario.connections());
        description.add(String.format(
                Locale.ROOT,
                "running %s%s%s at %s%s for %s: %s",
                url.method().equals("GET") ? "" : url.method() + " ",
                target,
                url.path(),
                rateWords(scenario, rate),
                poisson ? " (Poisson)" : "",
                describe(runDuration(scenario)),
                sizing.describe()));
        describeProfile(scenario, "req/s", description);
        UrlSource source = new UrlSource(endpoint, template, shaper, schedule);
        return new Planned(
                plan(shaper.runId(), scenario, target, source, sizing.connections(), sizing.ringSize(), client, live),
                description);
    }

    private static Planned replay(
            Scenario scenario,
            dev.stampede.engine.scenario.ReplaySource replay,
            HttpTarget target,
            RequestShaper shaper,
            ClientOptions client,
            List<String> description,
            NanoClock clock,
            ControlLog log)
            throws IOException {
        ReplayOptions options = replayOptions(scenario, replay);
        ReplayScan scan = ReplayScan.of(options);
        if (scan.selected() == 0) {
            throw new IllegalArgumentException("nothing to replay: none of the " + scan.records() + " records in "
                    + options.store() + " is in the window and passes the filters");
        }
        double maxFactor = options.multipliers().stream()
                .mapToDouble(ReplayOptions.Multiplier::factor)
                .max()
                .orElse(1);
        RateProfile profile = profile(scenario, options.speed());
        double peakRate = scan.busiestSecond() * peak(scenario, profile) * options.amplify() * Math.max(1, maxFactor);
        RingSizing sizing =
                RingSizing.derive(peakRate, scenario.timeout().toNanos()).withConnections(scenario.connections());
        description.add(String.format(
                Locale.ROOT,
                "replaying %,d of %,d records (%d endpoints, %.1f s at speed %s%s%s) against %s: %s",
                scan.selected(),
                scan.records(),
                scan.endpointNames().size(),
                scan.spanMicros() / 1e6 / options.speed(),
                number(options.speed()),
                options.amplify() > 1 ? ", " + options.amplify() + " users per recorded one" : "",
                options.loops() == 1 ? "" : options.loops() == 0 ? ", looping" : ", " + options.loops() + " loops",
                target,
                sizing.describe()));
        if (options.amplify() > 1 && options.testAccounts() == null) {
            description.add("note: without test accounts, the cloned users log in as the recorded ones");
        }
        ReplaySource source = new ReplaySource(options, scan, shaper);
        LoadPlan.Live live = live(scenario, profile, "x", clock, log);
        describeProfile(scenario, "x", description);
        source.liveSpeed(live.rate()::rateAt, live.gate());
        source.endpointFactors(endpointFactors(scenario));
        return new Planned(
                plan(shaper.runId(), scenario, target, source, sizing.connections(), sizing.ringSize(), client, live),
                description);
    }

    /** The engine's replay options for a scenario's replay source. */
    static ReplayOptions replayOptions(Scenario scenario, dev.stampede.engine.scenario.ReplaySource replay)
            throws IOException {
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        if (replay.window() instanceof ReplayWindow.Between between) {
            from = micros(between.from());
            to = micros(between.to());
        } else if (replay.window() instanceof ReplayWindow.Peak peak) {
            Peak window = ModelFiles.read(peak.modelDir()).arrivals().peak();
            from = window.startSecond() * 1_000_000L;
            to = window.endSecondExclusive() * 1_000_000L;
        }
        TestAccounts accounts = null;
        if (replay.testAccounts() != null) {
            accounts = TestAccounts.read(replay.testAccounts());
        }
        List<String> cookies = replay.sessionKey().names(SessionKey.Source.COOKIE);
        Set<String> sessionCookies = cookies.isEmpty() ? null : new LinkedHashSet<>(cookies);
        int loops = replay.loops() == dev.stampede.engine.scenario.ReplaySource.FOREVER ? 0 : replay.loops();
        return new ReplayOptions(
                replay.store(),
                replay.speed(),
                from,
                to,
                replay.include(),
                replay.exclude(),
                replay.multipliers().stream()
                        .map(m -> new ReplayOptions.Multiplier(m.pattern(), m.factor()))
                        .toList(),
                loops,
                replay.amplify(),
                sessionCookies,
                accounts,
                runDuration(scenario) == null ? 0 : runDuration(scenario).toNanos(),
                1);
    }

    private static LoadPlan plan(
            String runId,
            Scenario scenario,
            HttpTarget target,
            dev.stampede.engine.source.RequestSource<?> source,
            int connections,
            int ringSize,
            ClientOptions client,
            LoadPlan.Live live) {
        return new LoadPlan(
                runId,
                target,
                source,
                connections,
                client,
                ringSize,
                scenario.interval().toNanos(),
                scenario.sendLagThreshold().toNanos(),
                scenario.journal(),
                0,
                live);
    }

    static Rewrite rewrite(dev.stampede.engine.scenario.Rewrite rewrite) {
        return new Rewrite(
                rewrite.host(),
                rewrite.setHeaders(),
                Set.copyOf(rewrite.removeHeaders()),
                rewrite.pathPrefixes().stream()
                        .map(p -> new Rewrite.PathPrefix(p.from(), p.to()))
                        .toList());
    }

    static Marks marks(dev.stampede.engine.scenario.Marks marks) {
        return new Marks(
                marks.test() == null ? null : marks.test().header(),
                marks.test() == null ? null : marks.test().value(),
                marks.traceparent(),
                marks.baggage());
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private static String kind(SourceSpec spec) {
        return spec.getClass().getSimpleName().replace("Source", "").toLowerCase(Locale.ROOT);
    }

    private static String describe(java.time.Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The scenario's target as written (with the request's path for a url source), for run.json. */
    public static String targetName(Scenario scenario) {
        URI target = scenario.target();
        if (scenario.source() instanceof dev.stampede.engine.scenario.UrlSource url) {
            String base = target.toString();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + url.path();
        }
        return target.toString();
    }
}
