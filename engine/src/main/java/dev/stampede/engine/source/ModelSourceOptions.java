package dev.stampede.engine.source;

import dev.stampede.model.pool.TestAccounts;

/**
 * How a {@link ModelSource} generates traffic. Immutable; start from {@link #of(double)} and change
 * what differs with the {@code with} methods.
 *
 * @param ratePerSecond the request rate to start at, in requests per second (a live rate given to
 *     {@link ModelSource#liveRate} replaces it); sessions arrive at this rate divided by the requests of a session
 * @param arrivals how sessions arrive: Poisson (independent exponential gaps; the default) or uniform
 *     (evenly spaced)
 * @param durationNanos how long sessions arrive and requests are sent, from the start: nothing is due at
 *     or after it; {@code Long.MAX_VALUE} (the default) for no end
 * @param seed the seed of every random draw: arrivals, walks, think times, slot values; the same seed,
 *     the same traffic
 * @param maxOpenSessions the most sessions open at once (default 1,000,000, about 100 MB); arrivals
 *     beyond it are not started, and counted
 * @param loginWaitNanos how long a session's request waits for its login's response after it was due
 *     (default 10 s, the request timeout's default) before it goes without a session cookie
 * @param testAccounts the accounts sessions log in as and whose values stand in for identities (round
 *     robin by session); null for none, which a model with a login refuses
 * @param loginEndpoint the endpoint id sessions log in with; null to find it by the rule of {@code
 *     LoginRule} (a POST to a path ending in /login, /signin, /auth/token or /oauth/token); {@link
 *     #NO_LOGIN} for none
 * @param freshTailValues draw a slot's tail share (values the pool did not keep) as fresh values of a
 *     kept value's shape (true, the default, as the pool format asks) or from the kept values
 */
public record ModelSourceOptions(
        double ratePerSecond,
        Arrivals arrivals,
        long durationNanos,
        long seed,
        int maxOpenSessions,
        long loginWaitNanos,
        TestAccounts testAccounts,
        String loginEndpoint,
        boolean freshTailValues) {

    /** The {@link #loginEndpoint} value that turns logins off. */
    public static final String NO_LOGIN = "none";

    /** How sessions arrive. */
    public enum Arrivals {
        /** An open Poisson process: independent exponential gaps. */
        POISSON,
        /** Evenly spaced arrivals. */
        UNIFORM
    }

    public ModelSourceOptions {
        ModelSource.checkRate(ratePerSecond);
        if (arrivals == null) {
            throw new IllegalArgumentException("the arrival process is required");
        }
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("the duration must be above 0, was " + durationNanos + " ns");
        }
        if (maxOpenSessions < 1) {
            throw new IllegalArgumentException("at least one open session must be allowed, was " + maxOpenSessions);
        }
        if (loginWaitNanos < 0) {
            throw new IllegalArgumentException("the login wait must not be negative, was " + loginWaitNanos + " ns");
        }
    }

    /** Poisson arrivals at {@code ratePerSecond} requests per second, no end, seed 1, the defaults above. */
    public static ModelSourceOptions of(double ratePerSecond) {
        return new ModelSourceOptions(
                ratePerSecond, Arrivals.POISSON, Long.MAX_VALUE, 1, 1_000_000, 10_000_000_000L, null, null, true);
    }

    public ModelSourceOptions withArrivals(Arrivals value) {
        return new ModelSourceOptions(
                ratePerSecond,
                value,
                durationNanos,
                seed,
                maxOpenSessions,
                loginWaitNanos,
                testAccounts,
                loginEndpoint,
                freshTailValues);
    }

    public ModelSourceOptions withDurationNanos(long value) {
        return new ModelSourceOptions(
                ratePerSecond,
                arrivals,
                value,
                seed,
                maxOpenSessions,
                loginWaitNanos,
                testAccounts,
                loginEndpoint,
                freshTailValues);
    }

    public ModelSourceOptions withSeed(long value) {
        return new ModelSourceOptions(
                ratePerSecond,
                arrivals,
                durationNanos,
                value,
                maxOpenSessions,
                loginWaitNanos,
                testAccounts,
                loginEndpoint,
                freshTailValues);
    }

    public ModelSourceOptions withMaxOpenSessions(int value) {
        return new ModelSourceOptions(
                ratePerSecond,
                arrivals,
                durationNanos,
                seed,
                value,
                loginWaitNanos,
                testAccounts,
                loginEndpoint,
                freshTailValues);
    }

    public ModelSourceOptions withLoginWaitNanos(long value) {
        return new ModelSourceOptions(
                ratePerSecond,
                arrivals,
                durationNanos,
                seed,
                maxOpenSessions,
                value,
                testAccounts,
                loginEndpoint,
                freshTailValues);
    }

    public ModelSourceOptions withTestAccounts(TestAccounts value) {
        return new ModelSourceOptions(
                ratePerSecond,
                arrivals,
                durationNanos,
                seed,
                maxOpenSessions,
                loginWaitNanos,
                value,
                loginEndpoint,
                freshTailValues);
    }

    public ModelSourceOptions withLoginEndpoint(String value) {
        return new ModelSourceOptions(
                ratePerSecond,
                arrivals,
                durationNanos,
                seed,
                maxOpenSessions,
                loginWaitNanos,
                testAccounts,
                value,
                freshTailValues);
    }

    public ModelSourceOptions withFreshTailValues(boolean value) {
        return new ModelSourceOptions(
                ratePerSecond,
                arrivals,
                durationNanos,
                seed,
                maxOpenSessions,
                loginWaitNanos,
                testAccounts,
                loginEndpoint,
                value);
    }
}
