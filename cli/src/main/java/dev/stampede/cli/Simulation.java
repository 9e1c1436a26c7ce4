package dev.stampede.cli;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.Testbed;
import dev.stampede.testbed.TestbedSettings;
import dev.stampede.testbed.users.Behaviour;
import dev.stampede.testbed.users.GroundTruth;
import dev.stampede.testbed.users.SimulationStats;
import dev.stampede.testbed.users.UserSimulation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code stampede testbed --simulate-users}: drives the users, stops the chain, reports and writes the truth. */
final class Simulation {

    private final Testbed testbed;
    private final Behaviour behaviour;
    private final PrintWriter out;

    Simulation(Testbed testbed, Behaviour behaviour, PrintWriter out) {
        this.testbed = testbed;
        this.behaviour = behaviour;
        this.out = out;
    }

    int run(int users, Duration duration, long seed, boolean marked) throws InterruptedException, IOException {
        TestbedSettings settings = testbed.settings();
        URI lb = URI.create(testbed.url());
        UserSimulation.Plan plan;
        try {
            plan = new UserSimulation.Plan(
                    new InetSocketAddress(lb.getHost(), lb.getPort()),
                    users,
                    duration,
                    behaviour,
                    testbed.accounts(),
                    seed,
                    marked ? settings.testMark().name() : null,
                    settings.testMark().value());
        } catch (IllegalArgumentException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
        out.printf(
                Locale.ROOT,
                "testbed: simulating %d users for %ds%s%n",
                users,
                duration.toSeconds(),
                marked ? " (marked)" : "");
        out.flush();
        PrintStream progress = new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
        SimulationStats stats = new UserSimulation(NanoClock.system(), progress).run(plan);
        Map<String, Long> live = testbed.core().live().counts();
        Map<String, Long> shadow = testbed.core().shadow().counts();
        testbed.close(); // flushes the access log before it is counted
        long lines = testbed.accessLog() == null ? 0 : testbed.accessLog().linesWritten();
        out.printf(
                Locale.ROOT,
                "testbed: %,d requests in %d sessions (%.0f/s); 4xx %,d, 5xx %,d, failed %,d%n",
                stats.requests(),
                stats.sessions(),
                stats.requests() / (double) duration.toSeconds(),
                stats.statusClass(4),
                stats.statusClass(5),
                stats.transportFailures());
        out.printf(
                Locale.ROOT,
                "  by action: %s%n  live store: %s%n  shadow store: %s%n",
                stats.requestsByAction(),
                live,
                shadow);
        if (settings.accessLog() != null) {
            Path truth = GroundTruth.pathFor(settings.accessLog());
            Map<String, Object> chain = new LinkedHashMap<>();
            chain.put("coreCapacityPerSec", settings.coreCapacityPerSec());
            chain.put("gateways", settings.gateways());
            chain.put("accounts", settings.accounts());
            chain.put("accountSeed", settings.seed());
            chain.put("logFormat", settings.effectiveLogFormat());
            GroundTruth.write(truth, plan, stats, chain, lines);
            out.printf(
                    Locale.ROOT,
                    "  access log: %s (%,d lines)%n  ground truth: %s%n",
                    settings.accessLog(),
                    lines,
                    truth);
            if (lines != stats.requests() - stats.transportFailures()) {
                out.printf(
                        Locale.ROOT,
                        "  warning: %,d answered requests but %,d log lines%n",
                        stats.requests() - stats.transportFailures(),
                        lines);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Lets the simulation's progress lines go through the command's writer. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter writer;

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writer.write(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
