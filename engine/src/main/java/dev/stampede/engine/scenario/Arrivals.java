package dev.stampede.engine.scenario;

import java.util.Locale;

/** How arrival times are spread at a rate. */
public enum Arrivals {
    /** An open Poisson process: exponential gaps, seeded ({@code poisson}). */
    POISSON,
    /** Model sessions at evenly spaced times ({@code uniform}; a model source's other choice). */
    UNIFORM,
    /** Requests at evenly spaced times ({@code constant}; a URL source's default). */
    CONSTANT;

    /** The word a scenario file uses. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
