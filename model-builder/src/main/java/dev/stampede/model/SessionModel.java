package dev.stampede.model;

import dev.stampede.model.stats.FitQuality;
import dev.stampede.model.stats.FittedDistribution;
import java.util.List;
import java.util.Map;

/**
 * How users move: sessions cut by {@code key} after {@code timeoutSeconds} idle; their number (of which
 * {@code openAtLogEnd} were open when the log ended: each counts as an exit only with the probability
 * that it had exited, and not in the session lengths), how long they are (requests per session,
 * fitted), where they start ({@code entry}: endpoint to share), and the walk between endpoints ({@code
 * transitions}, each with its think time).
 */
public record SessionModel(
        String key,
        long timeoutSeconds,
        long sessions,
        long openAtLogEnd,
        long requests,
        long keyMissing,
        long endedEarly,
        double meanLength,
        FittedDistribution length,
        FitQuality lengthFit,
        double meanDurationSeconds,
        Map<String, Double> entry,
        List<Transition> transitions) {}
