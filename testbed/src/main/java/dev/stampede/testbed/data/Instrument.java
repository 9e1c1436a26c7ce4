package dev.stampede.testbed.data;

/**
 * A tradable instrument.
 *
 * @param code exchange code as the app sends it, e.g. {@code 600519}, {@code 00700.HK}, {@code AAPL}
 * @param name display name
 * @param basePrice reference price the simulated market moves around
 * @param lotSize order quantities must be a multiple of this
 * @param ipo whether this is the IPO open for subscription (not yet tradable)
 */
public record Instrument(String code, String name, double basePrice, int lotSize, boolean ipo) {}
