package dev.stampede.control.guard;

import java.util.Arrays;
import java.util.List;

/** What a guard does when it trips, once per trip. */
public enum GuardAction {
    /** Stops the run ({@code RunStopper.stop}) with a reason naming the guard and its value: results are still written. */
    ABORT("abort"),
    /** Caps the rate at what it is now ({@code LiveRate.hold}): the run stops increasing. */
    HOLD("hold"),
    /**
     * Returns to the last good rate and holds there ({@code LiveRate.backOff}); see {@link Guards#lastGoodRate()}.
     */
    BACK_OFF("backOff");

    private final String word;

    GuardAction(String word) {
        this.word = word;
    }

    /** The word a scenario file writes: {@code abort}, {@code hold}, {@code backOff}. */
    public String word() {
        return word;
    }

    /** Every word, in declaration order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(GuardAction::word).toList();
    }

    /** The action written {@code word}. */
    public static GuardAction of(String word) {
        for (GuardAction action : values()) {
            if (action.word.equals(word)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown guard action '" + word + "' (expected " + words() + ")");
    }
}
