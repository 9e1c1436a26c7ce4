package dev.stampede.control;

/**
 * Where the traffic controller records what it did (a rate change, a pause, a guard tripping, a search
 * step): the engine writes each one as an event of {@code run.json}, stamped with the time it arrives.
 */
@FunctionalInterface
public interface ControlLog {

    /** Records one event: {@code who} did it ({@code ctl}, {@code profile}, {@code guard NAME}, ...), {@code what} happened. */
    void record(String who, String what);

    /** Records nothing. */
    ControlLog NONE = (who, what) -> {};
}
