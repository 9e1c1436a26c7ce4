package dev.stampede.model;

import dev.stampede.model.stats.FitQuality;
import dev.stampede.model.stats.FittedDistribution;
import java.util.List;
import java.util.Map;

/**
 * How users move: sessions cut by {@code key} after {@code timeoutSeconds} idle; their number, how
 * long they are (requests per session, fitted), where they start ({@code entry}: endpoint to share),
 * and the walk between endpoints ({@code transitions}, each with its think time).
 */
public record SessionModel(
        String key,
        long timeoutSeconds,
        long sessions,
        long requests,
        long keyMissing,
        long endedEarly,
        double meanLength,
        FittedDistribution length,
        FitQuality lengthFit,
        double meanDurationSeconds,
        Map<String, Double> entry,
        List<Transition> transitions) {}
