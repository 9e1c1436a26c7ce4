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
 * observations. Coverage, endpoint mix and dispersion come from replaying the model on the source's
 * session arrivals, cut at the log's end like the source's sessions were (a free walk would make
 * whole sessions where the log has cut ones, and its mix would differ for that reason alone); think
 * times and session lengths come from free walks of whole sessions. Both make {@link
 * #SESSIONS_PER_SOURCE_SESSION} sessions per source session (at most about {@link #MAX_REQUESTS}
 * requests), so the model's own sampling noise stays well below the source's.
 */
public final class FidelityCheck {

    /**
     * Sixteen: at four, the model's own sampling noise alone moved the testbed's mix distance by about
     * 0.5 percentage points, enough to cross the 1 % goal now and then.
     */
    static final int SESSIONS_PER_SOURCE_SESSION = 16;

    static final long MAX_REQUESTS = 4_000_000;

    private FidelityCheck() {}

    public static FidelityReport run(
            BehaviourModel model, SourceObservations source, FidelityThresholds thresholds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ModelWalk walk = new ModelWalk(model.sessions());

        // Free walks: the think times and lengths of whole sessions.
        BoundedSample think = new BoundedSample(BoundedSample.DEFAULT_CAPACITY, random.split());
        BoundedSample lengths = new BoundedSample(BoundedSample.DEFAULT_CAPACITY, random.split());
        long[] walkedRequests = new long[1];
        ModelWalk.Visitor whole = new ModelWalk.Visitor() {
            @Override
            public void request(String endpoint, double offsetSeconds, double thinkSeconds) {
                walkedRequests[0]++;
                if (offsetSeconds > 0 || thinkSeconds > 0) {
                    think.add(thinkSeconds);
                }
            }

            @Override
            public void sessionEnded(int length) {
                lengths.add(length);
            }
        };
        long wholeSessions = Math.max(1, model.sessions().sessions() * SESSIONS_PER_SOURCE_SESSION);
        for (long s = 0; s < wholeSessions && walkedRequests[0] < MAX_REQUESTS; s++) {
            walk.session(random, whole);
        }

        // Replays on the source's session arrivals, cut where the log ends as the source was: the mix.
        Replay replay = replay(model, walk, random.split());
        Map<String, Long> generated = replay.counts;
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
        double modelDispersion = replay.dispersion;

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
                replay.requests,
                replay.sessions,
                worstEndpoints(source.endpointCounts(), generated, sourceTotal, replay.requests),
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

    private record Replay(Map<String, Long> counts, long requests, long sessions, double dispersion) {}

    /**
     * Model traffic as the source saw it: {@link #SESSIONS_PER_SOURCE_SESSION} sessions start in each
     * second where one of the source's did (uniformly within it) and walk with sampled think times;
     * requests after the log's last second are dropped, as the log's end cut the source's sessions.
     * The dispersion index is that of the first repetition's per-second counts.
     */
    private static Replay replay(BehaviourModel model, ModelWalk walk, SplittableRandom random) {
        Map<String, Long> counts = new HashMap<>();
        if (model.arrivals() == null) {
            return new Replay(counts, 0, 0, 0);
        }
        long[] starts = model.arrivals().sessionStartsPerSecond();
        long[] perSecond = new long[starts.length];
        long[] requests = new long[1];
        long sessions = 0;
        for (int round = 0; round < SESSIONS_PER_SOURCE_SESSION && requests[0] < MAX_REQUESTS; round++) {
            boolean first = round == 0;
            for (int second = 0; second < starts.length; second++) {
                for (long s = 0; s < starts[second]; s++) {
                    double start = second + random.nextDouble();
                    sessions++;
                    walk.session(random, new ModelWalk.Visitor() {
                        @Override
                        public void request(String endpoint, double offsetSeconds, double thinkSeconds) {
                            long at = (long) (start + offsetSeconds);
                            if (at < perSecond.length) {
                                counts.merge(endpoint, 1L, Long::sum);
                                requests[0]++;
                                if (first) {
                                    perSecond[(int) at]++;
                                }
                            }
                        }

                        @Override
                        public void sessionEnded(int length) {}
                    });
                }
            }
        }
        return new Replay(counts, requests[0], sessions, Distances.dispersionIndex(perSecond));
    }
}
