package dev.stampede.control.live;

/** A rate change the controller will not make (above the ceiling, not a rate, nothing to change); the message says why. */
public final class RateRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal saying {@code why}. */
    public RateRefusedException(String why) {
        super(why);
    }
}
