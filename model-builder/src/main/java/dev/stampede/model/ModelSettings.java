package dev.stampede.model;

import java.util.List;

/** The options a model was built with, so that it can be rebuilt the same way. */
public record ModelSettings(
        String sessionKey, long sessionTimeoutSeconds, int peakWindowMinutes, List<String> rules, long seed) {}
