package dev.stampede.model.session;

import dev.stampede.model.SessionModel;
import dev.stampede.model.Transition;
import dev.stampede.model.stats.BoundedSample;
import dev.stampede.model.stats.DistributionFitter;
import dev.stampede.model.stats.FitResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Aggregates what a {@link Sessionizer} reports into a {@link SessionModel}: entry counts, a transition
 * count matrix with exits, think-time samples per edge and per source endpoint, session lengths and
 * durations. Bounded: samples are reservoirs (an edge keeps at most {@link #EDGE_SAMPLE} think times,
 * an endpoint {@link #ENDPOINT_SAMPLE}), counts are per edge. Think times are fitted per edge when the
 * edge has at least {@link #MIN_EDGE_SAMPLES} of them, else on everything after its source endpoint.
 */
public final class SessionStats implements SessionListener {

    static final int EDGE_SAMPLE = 1_000;
    static final int ENDPOINT_SAMPLE = 5_000;
    static final int MIN_EDGE_SAMPLES = 200;
    private static final int EXIT = -1;

    private final SplittableRandom random;
    private final Map<Integer, Long> entries = new HashMap<>();
    private final Map<Long, long[]> edgeCounts = new HashMap<>();
    private final Map<Long, BoundedSample> edgeThink = new HashMap<>();
    private final Map<Integer, BoundedSample> endpointThink = new HashMap<>();
    private final BoundedSample lengths;
    private final BoundedSample durations;
    private final BoundedSample allThink;
    private long sessions;
    private long requests;

    public SessionStats(long seed) {
        this.random = new SplittableRandom(seed);
        this.lengths = new BoundedSample(BoundedSample.DEFAULT_CAPACITY, random.split());
        this.durations = new BoundedSample(BoundedSample.DEFAULT_CAPACITY, random.split());
        this.allThink = new BoundedSample(BoundedSample.DEFAULT_CAPACITY, random.split());
    }

    private static long edge(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFFFFFFL);
    }

    @Override
    public void started(long startMicros, int endpoint) {
        sessions++;
        requests++;
        entries.merge(endpoint, 1L, Long::sum);
    }

    @Override
    public void transition(int from, int to, long thinkMicros) {
        requests++;
        long edge = edge(from, to);
        edgeCounts.computeIfAbsent(edge, e -> new long[1])[0]++;
        double seconds = thinkMicros / 1e6;
        edgeThink
                .computeIfAbsent(edge, e -> new BoundedSample(EDGE_SAMPLE, random.split()))
                .add(seconds);
        endpointThink
                .computeIfAbsent(from, e -> new BoundedSample(ENDPOINT_SAMPLE, random.split()))
                .add(seconds);
        allThink.add(seconds);
    }

    @Override
    public void ended(int lastEndpoint, int length, long durationMicros) {
        edgeCounts.computeIfAbsent(edge(lastEndpoint, EXIT), e -> new long[1])[0]++;
        lengths.add(length);
        durations.add(durationMicros / 1e6);
    }

    /** Every think time seen (a reservoir), for the fidelity check. */
    public BoundedSample allThinkTimes() {
        return allThink;
    }

    /** Every session length seen (a reservoir), for the fidelity check. */
    public BoundedSample sessionLengths() {
        return lengths;
    }

    /**
     * The fitted model.
     *
     * @param endpointIds endpoint index to id
     */
    public SessionModel model(
            List<String> endpointIds, String key, long timeoutSeconds, long keyMissing, long endedEarly) {
        DistributionFitter fitter = new DistributionFitter();
        Map<Integer, Long> outgoing = new HashMap<>();
        edgeCounts.forEach((edge, count) -> outgoing.merge((int) (edge >> 32), count[0], Long::sum));
        Map<Integer, FitResult> endpointFits = new HashMap<>();
        List<Transition> transitions = new ArrayList<>();
        List<Map.Entry<Long, long[]>> edges = new ArrayList<>(edgeCounts.entrySet());
        edges.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Long, long[]> entry : edges) {
            int from = (int) (entry.getKey() >> 32);
            int to = (int) (long) entry.getKey();
            long count = entry.getValue()[0];
            double probability = (double) count / outgoing.get(from);
            if (to == EXIT) {
                transitions.add(
                        new Transition(endpointIds.get(from), Transition.EXIT, count, probability, null, null, null));
                continue;
            }
            BoundedSample own = edgeThink.get(entry.getKey());
            FitResult fit;
            String basis;
            if (own.count() >= MIN_EDGE_SAMPLES) {
                fit = fitter.fit(own);
                basis = "transition";
            } else {
                fit = endpointFits.computeIfAbsent(from, f -> fitter.fit(endpointThink.get(f)));
                basis = "endpoint";
            }
            transitions.add(new Transition(
                    endpointIds.get(from),
                    endpointIds.get(to),
                    count,
                    probability,
                    fit.distribution(),
                    fit.fit(),
                    basis));
        }
        Map<String, Double> entry = new LinkedHashMap<>();
        entries.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> entry.put(endpointIds.get(e.getKey()), (double) e.getValue() / sessions));
        FitResult lengthFit = sessions == 0 ? null : fitter.fit(lengths);
        return new SessionModel(
                key,
                timeoutSeconds,
                sessions,
                requests,
                keyMissing,
                endedEarly,
                sessions == 0 ? 0 : lengths.mean(),
                lengthFit == null ? null : lengthFit.distribution(),
                lengthFit == null ? null : lengthFit.fit(),
                sessions == 0 ? 0 : durations.mean(),
                entry,
                transitions);
    }
}
