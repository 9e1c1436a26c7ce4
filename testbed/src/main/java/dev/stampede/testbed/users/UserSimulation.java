package dev.stampede.testbed.users;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.data.AccountTable;
import dev.stampede.testbed.http.UpstreamClient;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code users} simulated app users through a chain's front door for a fixed duration, with the
 * behaviour's market-open spike and IPO burst, and prints progress once a second. Each user has its
 * own account, its own keep-alive connection from its own loopback address (127.10.x.y), and its own
 * random stream derived from the seed.
 */
public final class UserSimulation {

    /** How long to wait for answers still in flight when the duration is over. */
    private static final Duration DRAIN = Duration.ofSeconds(15);

    private static final List<String> USER_AGENTS = List.of(
            "StockApp/5.12.1 (iPhone15,2; iOS 17.4.1; Scale/3.00)",
            "StockApp/5.12.1 (Linux; Android 14; SM-S9180) okhttp/4.12.0",
            "StockApp/5.11.0 (iPhone13,3; iOS 16.7.5; Scale/3.00)",
            "StockApp/5.12.0 (Linux; Android 13; 22081212C) okhttp/4.12.0",
            "StockApp/5.12.1 (iPad13,4; iPadOS 17.3; Scale/2.00)",
            "StockApp/5.10.2 (Linux; Android 12; V2145A) okhttp/4.9.3");

    /**
     * What to run.
     *
     * @param target the chain's front door (host and port)
     * @param users concurrent users (each its own account: at most the account table's size)
     * @param duration how long the simulated peak lasts
     * @param behaviour how users behave
     * @param accounts the chain's account table
     * @param seed seed for every user's random stream
     * @param markHeader header to mark every request as test traffic, or null for unmarked traffic
     * @param markValue the mark's value
     */
    public record Plan(
            InetSocketAddress target,
            int users,
            Duration duration,
            Behaviour behaviour,
            AccountTable accounts,
            long seed,
            String markHeader,
            String markValue) {

        /** Checks the plan before anything is sent. */
        public Plan {
            if (users < 1 || users > 60_000) {
                throw new IllegalArgumentException("simulated users must be 1..60000, got " + users);
            }
            if (users > accounts.size()) {
                throw new IllegalArgumentException("simulated users (" + users
                        + ") need as many accounts; the table has " + accounts.size() + " (raise --accounts)");
            }
            if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("duration must be positive and at most 24h, got " + duration);
            }
        }
    }

    private final NanoClock clock;
    private final PrintStream progress;

    public UserSimulation(NanoClock clock, PrintStream progress) {
        this.clock = clock;
        this.progress = progress;
    }

    /** Runs the plan to its end and returns what happened. */
    public SimulationStats run(Plan plan) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
        List<UpstreamClient> connections = new ArrayList<>(plan.users());
        try {
            long start = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            SimulationRun run = new SimulationRun(
                    clock,
                    start,
                    plan.duration().toNanos(),
                    plan.behaviour(),
                    plan.target().getHostString() + ":" + plan.target().getPort(),
                    plan.markHeader(),
                    plan.markValue(),
                    plan.users());
            SplittableRandom seeds = new SplittableRandom(plan.seed());
            BehaviourFile.Timeline timeline = plan.behaviour().timeline();
            for (int i = 0; i < plan.users(); i++) {
                SplittableRandom random = seeds.split();
                UpstreamClient connection =
                        new UpstreamClient(plan.target(), sourceAddress(i), group, 1, TimeUnit.SECONDS.toMillis(30));
                connections.add(connection);
                VirtualUser user = new VirtualUser(
                        plan.accounts().get(i),
                        run,
                        connection,
                        group.next(),
                        random,
                        USER_AGENTS.get(i % USER_AGENTS.size()));
                double arrival = random.nextDouble() < timeline.preOpenUsers()
                        ? random.nextDouble() * timeline.marketOpenAt()
                        : timeline.marketOpenAt() + random.nextDouble() * timeline.marketOpenRamp();
                user.start(start + (long) (arrival * plan.duration().toNanos()));
            }
            ScheduledFuture<?> ticker =
                    group.next().scheduleAtFixedRate(new ProgressLine(run, plan, progress), 1, 1, TimeUnit.SECONDS);
            long waitNanos = plan.duration().toNanos() + DRAIN.toNanos() + TimeUnit.SECONDS.toNanos(1);
            boolean finished = run.usersDone().await(waitNanos, TimeUnit.NANOSECONDS);
            ticker.cancel(false);
            if (!finished) {
                progress.println(
                        "warning: " + run.activeUsers() + " users still waiting for answers after the drain time");
            }
            return run.stats();
        } finally {
            connections.forEach(UpstreamClient::close);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** User {@code i}'s own loopback address: 127.10.(i / 250).(1 + i % 250). */
    static InetSocketAddress sourceAddress(int i) {
        return new InetSocketAddress(String.format(Locale.ROOT, "127.10.%d.%d", i / 250, 1 + i % 250), 0);
    }

    /** Once a second: elapsed / planned, active users, requests and rate, errors. */
    private static final class ProgressLine implements Runnable {
        private final SimulationRun run;
        private final Plan plan;
        private final PrintStream out;
        private long lastRequests;

        ProgressLine(SimulationRun run, Plan plan, PrintStream out) {
            this.run = run;
            this.plan = plan;
            this.out = out;
        }

        @Override
        public void run() {
            SimulationStats stats = run.stats();
            long requests = stats.requests();
            long elapsedSeconds = Math.max(0, (run.clock().nanoTime() - run.startNanos()) / 1_000_000_000L);
            String phase = run.inIpoBurst() ? "  [IPO burst]" : "";
            out.printf(
                    Locale.ROOT,
                    "[%4ds/%ds] users %d/%d  requests %,d (%,d/s)  4xx %,d  5xx %,d  failed %,d%s%n",
                    elapsedSeconds,
                    plan.duration().toSeconds(),
                    run.activeUsers(),
                    plan.users(),
                    requests,
                    requests - lastRequests,
                    stats.statusClass(4),
                    stats.statusClass(5),
                    stats.transportFailures(),
                    phase);
            lastRequests = requests;
        }
    }
}
