package dev.stampede.cli;

import dev.stampede.engine.scenario.Multiplier;
import dev.stampede.engine.scenario.ReplaySource;
import dev.stampede.engine.scenario.ReplayWindow;
import dev.stampede.model.session.SessionKey;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/** The {@code stampede run} flags of a replay, and the scenario's replay source they make. */
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
            description =
                    "Log replayed users, or model sessions, in as these test accounts (account,username,password).")
    Path testAccounts;

    @Option(
            names = "--replay-seed",
            paramLabel = "N",
            description = "Seed of the thinning of multipliers below 1 (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    boolean given() {
        return store != null;
    }

    /** The replay these flags describe (checked with the rest of the scenario, flags named). */
    ReplaySource spec() {
        ReplayWindow replayWindow = ReplayWindow.WHOLE;
        if (window != null && peakModel != null) {
            throw new IllegalArgumentException("--window and --peak: give one of them");
        }
        if (window != null) {
            int dots = window.indexOf("..");
            if (dots <= 0 || dots + 2 >= window.length()) {
                throw new IllegalArgumentException("--window must be FROM..TO, got '" + window + "'");
            }
            replayWindow = new ReplayWindow.Between(
                    instant("--window", window.substring(0, dots)), instant("--window", window.substring(dots + 2)));
        }
        if (peakModel != null) {
            replayWindow = new ReplayWindow.Peak(peakModel.toAbsolutePath());
        }
        List<Multiplier> factors = new ArrayList<>();
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
            factors.add(new Multiplier(pattern("--multiplier", multiplier.substring(0, eq)), factor));
        }
        SessionKey sessionKey = sessionCookies.isEmpty()
                ? SessionKey.ipAndUserAgent()
                : SessionKey.parse(String.join(
                        ",", sessionCookies.stream().map(c -> "cookie:" + c).toList()));
        return new ReplaySource(
                store.toAbsolutePath(),
                speed,
                replayWindow,
                include.stream().map(r -> pattern("--include", r)).toList(),
                exclude.stream().map(r -> pattern("--exclude", r)).toList(),
                factors,
                loops == 0 ? ReplaySource.FOREVER : loops,
                amplify,
                sessionKey,
                testAccounts == null ? null : testAccounts.toAbsolutePath());
    }

    private static Instant instant(String flag, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
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
