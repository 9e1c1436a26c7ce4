package dev.stampede.model.fidelity;

import dev.stampede.model.BehaviourModel;
import dev.stampede.model.build.SourceObservations;
import dev.stampede.model.stats.BoundedSample;
import dev.stampede.model.stats.Distances;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates traffic from a model ({@link ModelWalk}, no network) and measures it against the source
 * observations: coverage, endpoint mix, think times, session lengths, arrival dispersion. It walks
 * {@link #SESSIONS_PER_SOURCE_SESSION} sessions per source session (at most {@link #MAX_REQUESTS}
 * requests), so the model's own sampling noise stays well below the source's.
 */
public final class FidelityCheck {

    static final int SESSIONS_PER_SOURCE_SESSION = 4;
    static final long MAX_REQUESTS = 4_000_000;

    private FidelityCheck() {}

    public static FidelityReport run(
            BehaviourModel model, SourceObservations source, FidelityThresholds thresholds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ModelWalk walk = new ModelWalk(model.sessions());
        Map<String, Long> generated = new HashMap<>();
        BoundedSample think = new BoundedSample(BoundedSample.DEFAULT_CAPACITY, random.split());
        BoundedSample lengths = new BoundedSample(BoundedSample.DEFAULT_CAPACITY, random.split());
        long[] requests = new long[1];
        ModelWalk.Visitor counting = new ModelWalk.Visitor() {
            @Override
            public void request(String endpoint, double offsetSeconds, double thinkSeconds) {
                generated.merge(endpoint, 1L, Long::sum);
                requests[0]++;
                if (offsetSeconds > 0 || thinkSeconds > 0) {
                    think.add(thinkSeconds);
                }
            }

            @Override
            public void sessionEnded(int length) {
                lengths.add(length);
            }
        };
        long sessions = Math.max(1, model.sessions().sessions() * SESSIONS_PER_SOURCE_SESSION);
        long walked = 0;
        while (walked < sessions && requests[0] < MAX_REQUESTS) {
            walk.session(random, counting);
            walked++;
        }

        long sourceTotal = source.endpointCounts().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        long covered = 0;
        for (Map.Entry<String, Long> entry : source.endpointCounts().entrySet()) {
            if (generated.containsKey(entry.getKey())) {
                covered += entry.getValue();
            }
        }
        double coverage = sourceTotal == 0 ? 1 : (double) covered / sourceTotal;
        double mix = Distances.totalVariation(source.endpointCounts(), generated);
        double thinkKs =
                think.count() == 0 || source.thinkTimes().count() == 0 ? 0 : Distances.ks(source.thinkTimes(), think);
        double lengthKs = lengths.count() == 0 || source.sessionLengths().count() == 0
                ? 0
                : Distances.ks(source.sessionLengths(), lengths);
        double modelDispersion = modelDispersion(model, walk, random.split());

        List<String> failures = new ArrayList<>();
        if (coverage < thresholds.minCoverage()) {
            failures.add(String.format(Locale.ROOT, "coverage %.4f below %.4f", coverage, thresholds.minCoverage()));
        }
        if (mix > thresholds.maxMixDistance()) {
            failures.add(String.format(Locale.ROOT, "mix distance %.4f above %.4f", mix, thresholds.maxMixDistance()));
        }
        if (thinkKs > thresholds.maxThinkTimeKs()) {
            failures.add(String.format(
                    Locale.ROOT, "think-time KS distance %.4f above %.4f", thinkKs, thresholds.maxThinkTimeKs()));
        }
        if (lengthKs > thresholds.maxSessionLengthKs()) {
            failures.add(String.format(
                    Locale.ROOT,
                    "session-length KS distance %.4f above %.4f",
                    lengthKs,
                    thresholds.maxSessionLengthKs()));
        }
        return new FidelityReport(
                coverage,
                mix,
                thinkKs,
                lengthKs,
                source.dispersionIndex(),
                modelDispersion,
                sourceTotal,
                requests[0],
                walked,
                worstEndpoints(source.endpointCounts(), generated, sourceTotal, requests[0]),
                thresholds,
                List.copyOf(failures));
    }

    /** The five endpoints whose share differs most between source and model: id to (model - source) share. */
    private static Map<String, Double> worstEndpoints(
            Map<String, Long> source, Map<String, Long> generated, long sourceTotal, long generatedTotal) {
        Map<String, Double> difference = new HashMap<>();
        for (String id : source.keySet()) {
            difference.put(id, share(generated.get(id), generatedTotal) - share(source.get(id), sourceTotal));
        }
        for (String id : generated.keySet()) {
            difference.putIfAbsent(id, share(generated.get(id), generatedTotal));
        }
        Map<String, Double> worst = new LinkedHashMap<>();
        difference.entrySet().stream()
                .sorted((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())))
                .limit(5)
                .forEach(e -> worst.put(e.getKey(), e.getValue()));
        return worst;
    }

    private static double share(Long count, long total) {
        return count == null || total == 0 ? 0 : (double) count / total;
    }

    /**
     * The dispersion index of per-second request counts when the model's sessions start when the source's
     * did (uniformly within each second) and walk with sampled think times.
     */
    private static double modelDispersion(BehaviourModel model, ModelWalk walk, SplittableRandom random) {
        if (model.arrivals() == null || model.arrivals().sessionStartsPerSecond().length == 0) {
            return 0;
        }
        long[] starts = model.arrivals().sessionStartsPerSecond();
        long[] perSecond = new long[starts.length];
        long budget = MAX_REQUESTS;
        for (int second = 0; second < starts.length && budget > 0; second++) {
            for (long s = 0; s < starts[second]; s++) {
                double start = second + random.nextDouble();
                long[] used = new long[1];
                walk.session(random, new ModelWalk.Visitor() {
                    @Override
                    public void request(String endpoint, double offsetSeconds, double thinkSeconds) {
                        long at = (long) (start + offsetSeconds);
                        if (at < perSecond.length) {
                            perSecond[(int) at]++;
                        }
                        used[0]++;
                    }

                    @Override
                    public void sessionEnded(int length) {}
                });
                budget -= used[0];
            }
        }
        return Distances.dispersionIndex(perSecond);
    }
}
