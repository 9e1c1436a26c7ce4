package dev.stampede.engine.source;

import dev.stampede.model.pool.TestAccounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a record store is replayed.
 *
 * @param store the record store directory
 * @param speed time compression: 2 replays the gaps between records halved; above 0
 * @param fromMicros the first start time replayed (inclusive, epoch µs); {@link Long#MIN_VALUE} for none
 * @param toMicros the start time replay stops before (exclusive); {@link Long#MAX_VALUE} for none
 * @param include regexes on {@code METHOD /path}: a record is replayed only when one finds a match
 *     (empty: all)
 * @param exclude regexes on {@code METHOD /path}: a record one finds a match in is not replayed
 * @param multipliers per-endpoint factors, first match wins: each matching record is sent {@code
 *     factor} times on average (2: twice, as two users; 0.5: every other one, chosen by a seeded
 *     hash of the record's place in the store)
 * @param loops how many times the store is played; 0 plays it until {@code durationNanos}
 * @param amplify how many users behave like each recorded one (1: the recording itself): each
 *     recorded request is sent by each of them, their sessions kept apart
 * @param sessionCookies names of the cookies that carry sessions; null to find them in the store
 *     (cookies {@code N} with an {@code upstream_cookie_N} field, as nginx's {@code
 *     $upstream_cookie_N} logs the session a response created)
 * @param testAccounts accounts that logins are made with instead of the recorded users; null to log in
 *     as recorded
 * @param durationNanos the longest the replay runs; 0 for no limit (the store's span over the speed,
 *     times the loops)
 * @param seed seed of the thinning of multipliers below 1
 */
public record ReplayOptions(
        Path store,
        double speed,
        long fromMicros,
        long toMicros,
        List<Pattern> include,
        List<Pattern> exclude,
        List<Multiplier> multipliers,
        int loops,
        int amplify,
        Set<String> sessionCookies,
        TestAccounts testAccounts,
        long durationNanos,
        long seed) {

    public ReplayOptions {
        if (store == null) {
            throw new IllegalArgumentException("a record store is required");
        }
        if (!(speed > 0 && speed < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("speed must be above 0 and finite, got " + speed);
        }
        if (fromMicros >= toMicros) {
            throw new IllegalArgumentException("the window is empty: it must start before it ends");
        }
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        multipliers = List.copyOf(multipliers);
        if (loops < 0) {
            throw new IllegalArgumentException("loops must be 0 (until the duration) or more, got " + loops);
        }
        if (loops == 0 && durationNanos <= 0) {
            throw new IllegalArgumentException("replaying until the duration needs a duration");
        }
        if (amplify < 1 || amplify > 1000) {
            throw new IllegalArgumentException("amplify must be between 1 and 1000, got " + amplify);
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("the duration cannot be negative");
        }
        sessionCookies = sessionCookies == null ? null : Set.copyOf(sessionCookies);
    }

    /** Whether a record of this {@code METHOD /path} is replayed at all (before multipliers). */
    boolean selects(String methodAndPath) {
        for (Pattern pattern : exclude) {
            if (pattern.matcher(methodAndPath).find()) {
                return false;
            }
        }
        if (include.isEmpty()) {
            return true;
        }
        for (Pattern pattern : include) {
            if (pattern.matcher(methodAndPath).find()) {
                return true;
            }
        }
        return false;
    }

    /** The factor of a record of this {@code METHOD /path}: the first matching multiplier's, else 1. */
    double factor(String methodAndPath) {
        for (Multiplier multiplier : multipliers) {
            if (multiplier.pattern().matcher(methodAndPath).find()) {
                return multiplier.factor();
            }
        }
        return 1;
    }

    /**
     * A per-endpoint factor.
     *
     * @param pattern regex on {@code METHOD /path}
     * @param factor 0 or more
     */
    public record Multiplier(Pattern pattern, double factor) {
        public Multiplier {
            if (!(factor >= 0 && factor <= 1000)) {
                throw new IllegalArgumentException("a multiplier must be between 0 and 1000, got " + factor);
            }
        }
    }
}
