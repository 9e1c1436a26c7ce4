package dev.stampede.engine.scenario;

import dev.stampede.model.session.SessionKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Replay of a record store: each record is sent at {@code start + (t_record - t_first) / speed}.
 *
 * @param store the record store directory ({@code stampede parse} writes it), absolute
 * @param speed how much faster than recorded, above 0 (default 1)
 * @param window which part of the store to play (default: all of it)
 * @param include regexes on {@code "METHOD /path"}; when there are any, only records matching one play
 * @param exclude regexes on {@code "METHOD /path"}; records matching one are left out
 * @param multipliers per-endpoint factors, first match wins
 * @param loops how many times to play the store, 1 or more, or {@link #FOREVER} (default 1)
 * @param amplify how many users behave like each recorded one, 1 or more: above 1, sessions are
 *     cloned with other identities (test accounts), not requests fired twice (default 1)
 * @param sessionKey what names a record's session, as in {@code stampede model --session-key} (default
 *     {@code ip+ua})
 * @param testAccounts a CSV of test accounts for cloned sessions, absolute; null without one
 */
public record ReplaySource(
        Path store,
        double speed,
        ReplayWindow window,
        List<Pattern> include,
        List<Pattern> exclude,
        List<Multiplier> multipliers,
        int loops,
        int amplify,
        SessionKey sessionKey,
        Path testAccounts)
        implements SourceSpec {

    /**
     * {@link #loops()} when the store plays until the duration ends ({@code loop: forever}): more loops
     * than any run can play, so that "1 or more" holds for every value.
     */
    public static final int FOREVER = Integer.MAX_VALUE;

    /** Checks for nulls and copies the lists. */
    public ReplaySource {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(sessionKey, "sessionKey");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        multipliers = List.copyOf(multipliers);
    }

    /** The whole of {@code store} once at recorded speed, no filters, sessions keyed by ip+ua. */
    public static ReplaySource of(Path store) {
        return new ReplaySource(
                store,
                1.0,
                ReplayWindow.WHOLE,
                List.of(),
                List.of(),
                List.of(),
                1,
                1,
                SessionKey.ipAndUserAgent(),
                null);
    }

    @Override
    public String kind() {
        return "replay";
    }

    /** True when the store plays until the run's duration ends. */
    public boolean loopsForever() {
        return loops == FOREVER;
    }

    /** This replay at another speed. */
    public ReplaySource withSpeed(double newSpeed) {
        return new ReplaySource(
                store, newSpeed, window, include, exclude, multipliers, loops, amplify, sessionKey, testAccounts);
    }

    /** This replay from another store. */
    public ReplaySource withStore(Path newStore) {
        return new ReplaySource(
                newStore, speed, window, include, exclude, multipliers, loops, amplify, sessionKey, testAccounts);
    }

    /** This replay over another window. */
    public ReplaySource withWindow(ReplayWindow newWindow) {
        return new ReplaySource(
                store, speed, newWindow, include, exclude, multipliers, loops, amplify, sessionKey, testAccounts);
    }

    /** This replay played {@code newLoops} times ({@link #FOREVER}: until the duration ends). */
    public ReplaySource withLoops(int newLoops) {
        return new ReplaySource(
                store, speed, window, include, exclude, multipliers, newLoops, amplify, sessionKey, testAccounts);
    }

    /** This replay with each session played by {@code newAmplify} users. */
    public ReplaySource withAmplify(int newAmplify) {
        return new ReplaySource(
                store, speed, window, include, exclude, multipliers, loops, newAmplify, sessionKey, testAccounts);
    }
}
