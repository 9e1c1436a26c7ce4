package dev.stampede.cli;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.Testbed;
import dev.stampede.testbed.TestbedSettings;
import dev.stampede.testbed.core.TestMark;
import dev.stampede.testbed.data.AccountTable;
import dev.stampede.testbed.http.HttpTier;
import dev.stampede.testbed.users.Behaviour;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stampede testbed}: the simulated trading chain, in the foreground or driving simulated users. */
@Command(
        name = "testbed",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs a simulated securities trading chain on loopback: load balancer -> gateways -> market,"
                    + " account and order services -> trading core (bounded workers and queue: a real capacity"
                    + " knee), with sessions, test marks and shadow data, and /metrics on every tier.",
            "",
            "Without --simulate-users it serves until Ctrl-C. With --simulate-users N --duration D it drives N"
                    + " simulated app users (market-open spike, IPO burst) through the load balancer for D,"
                    + " writes the access log, and exits."
        })
final class TestbedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "P",
            description = "Load balancer port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = 8080;

    @Option(
            names = "--gateways",
            paramLabel = "N",
            description = "Gateway instances behind the LB (default: ${DEFAULT-VALUE}).")
    int gateways = 2;

    @Option(
            names = "--core-capacity",
            paramLabel = "ORDERS_PER_S",
            description = "Orders per second the trading core sustains (default: ${DEFAULT-VALUE}).")
    int coreCapacity = 1000;

    @Option(
            names = "--core-workers",
            paramLabel = "N",
            description = "Trading-core worker threads (default: ${DEFAULT-VALUE}).")
    int coreWorkers = 8;

    @Option(
            names = "--core-queue",
            paramLabel = "N",
            description = "Trading-core queue length; beyond it orders get 503 (default: capacity x 0.1 s).")
    int coreQueue = 0;

    @Option(
            names = "--service-time",
            paramLabel = "DIST",
            description =
                    "Core service-time distribution: constant, uniform, exponential, lognormal[:cv] (default: ${DEFAULT-VALUE}).")
    String serviceTime = "lognormal:0.5";

    @Option(
            names = "--ipo-limit",
            paramLabel = "QTY",
            description = "Most shares one account may subscribe per IPO (default: ${DEFAULT-VALUE}).")
    long ipoLimit = 10_000;

    @Option(names = "--mark-header", paramLabel = "NAME", description = "Test-mark header (default: ${DEFAULT-VALUE}).")
    String markHeader = TestMark.DEFAULT.name();

    @Option(names = "--mark-value", paramLabel = "VALUE", description = "Test-mark value (default: ${DEFAULT-VALUE}).")
    String markValue = TestMark.DEFAULT.value();

    @Option(names = "--accounts", paramLabel = "N", description = "Generated accounts (default: ${DEFAULT-VALUE}).")
    int accounts = 10_000;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Seed for accounts and users (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(
            names = "--log",
            paramLabel = "FILE",
            description = "Write the LB's access log here (nginx format; see --log-format).")
    Path log;

    @Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            description = "The access log's nginx log_format (default: the testbed's documented format, see README).")
    String logFormat;

    @Option(
            names = "--accounts-out",
            paramLabel = "CSV",
            description = "Write the account table (user,password,account_id) here, for replays that log in.")
    Path accountsOut;

    @Option(names = "--simulate-users", paramLabel = "N", description = "Drive N simulated users, then exit.")
    Integer simulateUsers;

    @Option(
            names = "--duration",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "How long to simulate, e.g. 60s, 2m (with --simulate-users).")
    Duration duration;

    @Option(
            names = "--behaviour",
            paramLabel = "FILE",
            description = "Users' behaviour (JSON; default: the built-in default-behaviour.json).")
    Path behaviourFile;

    @Option(
            names = "--marked",
            description = "Simulated users send the test mark (their writes go to the shadow store).")
    boolean marked;

    @Override
    public Integer call() throws Exception {
        TestbedSettings settings = settings();
        Behaviour behaviour = simulateUsers == null ? null : behaviour();
        PrintWriter out = spec.commandLine().getOut();
        if (accountsOut != null) {
            writeAccounts(settings);
        }
        try (Testbed testbed = start(settings)) {
            printChain(testbed, out);
            if (simulateUsers == null) {
                serveUntilInterrupted(testbed, out);
                return ExitCode.OK;
            }
            return new Simulation(testbed, behaviour, out).run(simulateUsers, duration, seed, marked);
        }
    }

    /** Starts the chain; a busy port or an unwritable log is the user's to fix, not a stampede bug. */
    private static Testbed start(TestbedSettings settings) {
        try {
            return Testbed.start(settings, NanoClock.system());
        } catch (UncheckedIOException e) {
            throw new RunFailedException(
                    "cannot open the access log " + settings.accessLog() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // Netty rethrows bind failures unchecked but undeclared
            if (e instanceof BindException) {
                throw new RunFailedException(
                        "cannot listen on " + settings.host() + ":" + settings.lbPort() + " (" + e.getMessage()
                                + "); choose another --port, or --port 0 for any free one",
                        e);
            }
            throw new IllegalStateException(e);
        }
    }

    /** Every setting checked before anything starts; a bad one is a usage error. */
    private TestbedSettings settings() {
        if (simulateUsers != null && duration == null) {
            throw new ParameterException(spec.commandLine(), "--simulate-users needs --duration");
        }
        if (simulateUsers == null && (duration != null || behaviourFile != null || marked)) {
            throw new ParameterException(
                    spec.commandLine(), "--duration, --behaviour and --marked go with --simulate-users");
        }
        try {
            return TestbedSettings.defaults()
                    .withLbPort(port)
                    .withGateways(gateways)
                    .withCore(coreCapacity, coreWorkers, coreQueue, serviceTime)
                    .withIpoLimit(ipoLimit)
                    .withTestMark(new TestMark(markHeader, markValue))
                    .withAccounts(accounts, seed)
                    .withAccessLog(log, logFormat)
                    .validate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private Behaviour behaviour() {
        if (behaviourFile == null) {
            return Behaviour.defaults();
        }
        if (!Files.isReadable(behaviourFile)) {
            throw new RunFailedException("behaviour file " + behaviourFile + " does not exist or cannot be read");
        }
        try {
            return Behaviour.load(behaviourFile);
        } catch (IllegalArgumentException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
    }

    private void writeAccounts(TestbedSettings settings) {
        try {
            Path parent = accountsOut.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer csv = Files.newBufferedWriter(accountsOut, StandardCharsets.UTF_8)) {
                AccountTable.generate(settings.accounts(), settings.seed()).writeCsv(csv);
            }
        } catch (IOException e) {
            throw new RunFailedException("cannot write the account table to " + accountsOut + ": " + e, e);
        }
    }

    private static void printChain(Testbed testbed, PrintWriter out) {
        TestbedSettings s = testbed.settings();
        out.printf(
                Locale.ROOT, "testbed: load balancer %s  (front door: log in with POST /api/login)%n", testbed.url());
        out.printf(
                Locale.ROOT,
                "  trading core: %d orders/s on %d workers, queue %d, service time %s (mean %.2f ms)%n",
                s.coreCapacityPerSec(),
                s.coreWorkers(),
                s.effectiveCoreQueue(),
                s.serviceTime(),
                s.meanServiceTimeNanos() / 1e6);
        out.printf(
                Locale.ROOT,
                "  test mark: %s: %s  -> shadow store; admin: %s/admin/stores%n",
                s.testMark().name(),
                s.testMark().value(),
                testbed.tier("core").url());
        for (HttpTier tier : testbed.tiers()) {
            out.printf(Locale.ROOT, "  %-10s %s/metrics%n", tier.name(), tier.url());
        }
        if (s.accessLog() != null) {
            out.printf(Locale.ROOT, "  access log: %s%n  log_format: %s%n", s.accessLog(), s.effectiveLogFormat());
        }
        out.flush();
    }

    private static void serveUntilInterrupted(Testbed testbed, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    out.println("testbed: stopping");
                    out.flush();
                    testbed.close();
                    stopped.countDown();
                },
                "testbed-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("testbed: running; Ctrl-C stops it");
        out.flush();
        stopped.await();
    }
}
