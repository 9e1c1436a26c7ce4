package dev.stampede.cli;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.Testbed;
import dev.stampede.testbed.TestbedSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stampede demo}: the whole pipeline on the built-in testbed, nothing to set up and no network
 * beyond loopback. It records a peak period of simulated app users (market open and an IPO burst)
 * through the testbed's load balancer, parses the access log, builds the model, and replays the model's
 * peak window at twice the recorded speed against a fresh testbed, with the live console, marks on;
 * then it says what it did and where the files are. Each step is the real command, run in this process
 * with the same flags a user would type, printed as it starts.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs the whole pipeline on the built-in testbed: record a peak of simulated users, parse the access"
                    + " log, build the model, replay the peak at 2x with marks on, and write the results.",
            "Nothing to install and no network beyond 127.0.0.1; about a minute on 2 cores."
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            description = "Directory for everything the demo writes (default: stampede-demo-<UTC time> here).")
    Path output;

    @Option(
            names = "--users",
            paramLabel = "N",
            description = "Simulated app users during the recording (default: ${DEFAULT-VALUE}).")
    int users = 400;

    @Option(
            names = "--record",
            paramLabel = "D",
            description = "How long to record the peak period, e.g. 30s (default: ${DEFAULT-VALUE}).")
    String record = "30s";

    @Option(
            names = "--speed",
            paramLabel = "X",
            description = "How much faster than recorded to replay the peak (default: ${DEFAULT-VALUE}).")
    String speed = "2";

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        NanoClock clock = NanoClock.system();
        Path dir = output != null
                ? output
                : Path.of("stampede-demo-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                                .format(Instant.ofEpochMilli(clock.epochMillis())
                                        .atOffset(ZoneOffset.UTC)));
        OutputDirectory.createEmpty(dir, "the demo's files");
        Path log = dir.resolve("peak.log");
        Path accounts = dir.resolve("accounts.csv");
        Path store = dir.resolve("store");
        Path model = dir.resolve("model");
        Path result = dir.resolve("result");
        long started = clock.nanoTime();
        List<String> done = new ArrayList<>();

        step(
                out,
                "1/4 record: " + users + " simulated app users through the testbed for " + record
                        + " (market open, then an IPO burst); the load balancer writes its access log");
        command(
                "testbed",
                "--port",
                "0",
                "--simulate-users",
                Integer.toString(users),
                "--duration",
                record,
                "--log",
                log.toString(),
                "--accounts-out",
                accounts.toString());
        done.add("recorded  " + log + " (" + lines(log) + " lines)");

        step(out, "2/4 parse the access log into a record store");
        command("parse", "--format", "stampede", log.toString(), "-o", store.toString());
        done.add("parsed    " + store + " (summary.json)");

        step(out, "3/4 build the behaviour model and data pool");
        command(
                "model",
                store.toString(),
                "-o",
                model.toString(),
                "--session-key",
                "cookie:SESSION,field:upstream_cookie_SESSION");
        done.add("modelled  " + model + " (model.json, the peak window, the data pool)");

        try (Testbed testbed = Testbed.start(TestbedSettings.defaults().withLbPort(0), clock)) {
            step(
                    out,
                    "4/4 replay the model's peak window at " + speed + "x against a fresh testbed at " + testbed.url()
                            + ", marked: its writes must land in the trading core's shadow store");
            command(
                    "run",
                    "--target",
                    testbed.url(),
                    "--replay",
                    store.toString(),
                    "--peak",
                    model.toString(),
                    "--speed",
                    speed,
                    "--control-port",
                    "0",
                    "-o",
                    result.toString());
            long shadowOrders = testbed.core().shadow().counts().getOrDefault("orders", 0L);
            long liveWrites = testbed.core().live().writes();
            done.add("replayed  " + result + " (latency.hlog, run.json, intervals.jsonl and the reports)");
            done.add(String.format(
                    Locale.ROOT,
                    "marks     %,d orders in the trading core's shadow store, %,d writes in its live store",
                    shadowOrders,
                    liveWrites));
            done.add("note      the testbed ran in this process, on the same cores: the run's CPU and send-lag"
                    + " figures include its work (against a real chain the generator has its cores to itself)");
        }
        out.println();
        out.printf(Locale.ROOT, "demo done in %.0f s:%n", (clock.nanoTime() - started) / 1e9);
        done.forEach(line -> out.println("  " + line));
        out.println("next: stampede run --help, docs/scenario.md, docs/control.md; the same steps on your own logs:"
                + " stampede parse, stampede model, stampede run");
        out.flush();
        return ExitCode.OK;
    }

    private void step(PrintWriter out, String what) {
        out.println();
        out.println("== " + what);
        out.flush();
    }

    /** Runs one stampede command in this process, with this command's output; fails the demo if it fails. */
    private void command(String... args) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("$ stampede " + String.join(" ", args));
        out.flush();
        int exit = Cli.create(out, spec.commandLine().getErr(), false).execute(args);
        if (exit != ExitCode.OK) {
            throw new RunFailedException("the demo stopped: `stampede " + args[0] + "` failed (exit " + exit + ")");
        }
    }

    private static long lines(Path file) throws IOException {
        try (var stream = Files.lines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            return stream.count();
        }
    }
}
