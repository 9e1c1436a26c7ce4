package dev.stampede.cli;

import dev.stampede.engine.source.ReplayOptions;
import dev.stampede.model.ModelFiles;
import dev.stampede.model.arrival.Peak;
import dev.stampede.model.pool.TestAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/** The {@code stampede run} flags of a replay, and the {@link ReplayOptions} they make. */
final class ReplayFlags {

    @Option(
            names = "--replay",
            paramLabel = "STORE",
            description = "Replay this record store (from `stampede parse`) against --target: each record at its"
                    + " recorded time over --speed, its session kept.")
    Path store;

    @Option(
            names = "--speed",
            paramLabel = "X",
            description = "Replay speed: 2 halves the gaps between records (default: ${DEFAULT-VALUE}).")
    double speed = 1;

    @Option(
            names = "--window",
            paramLabel = "FROM..TO",
            description = "Replay only records that started in this window, ISO-8601 with offset, e.g."
                    + " 2026-11-20T09:30:00+08:00..2026-11-20T09:35:00+08:00.")
    String window;

    @Option(
            names = "--peak",
            paramLabel = "MODEL_DIR",
            description = "Replay only the peak window of this model (from `stampede model` of the same store).")
    Path peakModel;

    @Option(
            names = "--include",
            paramLabel = "REGEX",
            description = "Replay only requests whose 'METHOD /path' this finds a match in (repeatable).")
    List<String> include = new ArrayList<>();

    @Option(
            names = "--exclude",
            paramLabel = "REGEX",
            description = "Do not replay requests whose 'METHOD /path' this finds a match in (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(
            names = "--multiplier",
            paramLabel = "REGEX=F",
            description = "Send matching requests F times on average (2: by two users; 0.5: every other one);"
                    + " first match wins (repeatable).")
    List<String> multipliers = new ArrayList<>();

    @Option(
            names = "--loop",
            paramLabel = "N",
            description = "Play the store N times (default: ${DEFAULT-VALUE}); 0 plays it until --duration.")
    int loops = 1;

    @Option(
            names = "--amplify",
            paramLabel = "K",
            description = "K users behave like each recorded one, their sessions apart (default: ${DEFAULT-VALUE}).")
    int amplify = 1;

    @Option(
            names = "--session-cookie",
            paramLabel = "NAME",
            description = "A cookie that carries sessions (repeatable; default: found in the store, from"
                    + " $upstream_cookie_NAME fields).")
    List<String> sessionCookies = new ArrayList<>();

    @Option(
            names = "--test-accounts",
            paramLabel = "CSV",
            description = "Log replayed users in as these test accounts (account,username,password).")
    Path testAccounts;

    @Option(
            names = "--replay-seed",
            paramLabel = "N",
            description = "Seed of the thinning of multipliers below 1 (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    boolean given() {
        return store != null;
    }

    /**
     * The options, checked; problems as usage errors naming the flag.
     *
     * @param durationNanos the run's duration, 0 for none
     */
    ReplayOptions options(long durationNanos) {
        if (!Files.isDirectory(store)) {
            throw new IllegalArgumentException("--replay: no record store at " + store);
        }
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        if (window != null && peakModel != null) {
            throw new IllegalArgumentException("--window and --peak: give one of them");
        }
        if (window != null) {
            int dots = window.indexOf("..");
            if (dots <= 0 || dots + 2 >= window.length()) {
                throw new IllegalArgumentException("--window must be FROM..TO, got '" + window + "'");
            }
            from = micros("--window", window.substring(0, dots));
            to = micros("--window", window.substring(dots + 2));
            if (from >= to) {
                throw new IllegalArgumentException("--window: FROM must be before TO");
            }
        }
        if (peakModel != null) {
            Peak peak;
            try {
                peak = ModelFiles.read(peakModel).arrivals().peak();
            } catch (IOException e) {
                throw new IllegalArgumentException("--peak: " + e.getMessage(), e);
            }
            from = peak.startSecond() * 1_000_000L;
            to = peak.endSecondExclusive() * 1_000_000L;
        }
        if (loops == 0 && durationNanos == 0) {
            throw new IllegalArgumentException("--loop 0 plays until --duration: give --duration");
        }
        TestAccounts accounts = null;
        if (testAccounts != null) {
            try {
                accounts = TestAccounts.read(testAccounts);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("--test-accounts: " + e.getMessage(), e);
            }
        }
        List<ReplayOptions.Multiplier> factors = new ArrayList<>();
        for (String multiplier : multipliers) {
            int eq = multiplier.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--multiplier must be REGEX=FACTOR, got '" + multiplier + "'");
            }
            double factor;
            try {
                factor = Double.parseDouble(multiplier.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--multiplier: '" + multiplier.substring(eq + 1) + "' is not a number");
            }
            factors.add(new ReplayOptions.Multiplier(pattern("--multiplier", multiplier.substring(0, eq)), factor));
        }
        Set<String> cookies = sessionCookies.isEmpty() ? null : new LinkedHashSet<>(sessionCookies);
        return new ReplayOptions(
                store,
                speed,
                from,
                to,
                include.stream().map(r -> pattern("--include", r)).toList(),
                exclude.stream().map(r -> pattern("--exclude", r)).toList(),
                factors,
                loops,
                amplify,
                cookies,
                accounts,
                durationNanos,
                seed);
    }

    private static long micros(String flag, String text) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(text.strip());
            return time.toEpochSecond() * 1_000_000L + time.getNano() / 1000;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    flag + ": '" + text + "' is not an ISO-8601 time with offset, e.g. 2026-11-20T09:30:00+08:00");
        }
    }

    private static Pattern pattern(String flag, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    flag + ": bad regex '" + regex + "': " + e.getDescription() + " at index " + e.getIndex());
        }
    }
}
