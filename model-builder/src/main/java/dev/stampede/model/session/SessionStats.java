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
    private long openAtEnd;
    private final List<long[]> open = new ArrayList<>();

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

    @Override
    public void openAtLogEnd(int lastEndpoint, int length, long idleMicros, long durationMicros) {
        openAtEnd++;
        open.add(new long[] {lastEndpoint, idleMicros, length, durationMicros});
    }

    /**
     * Exits per endpoint: the sessions seen to end there, plus, for each session open at the log's end
     * after an idle time {@code t} there, the probability that it had exited rather than being in a think
     * time longer than {@code t}: {@code w = p / (p + (1 - p) S(t))}, with {@code S} the survival function
     * of the think times seen after the endpoint and {@code p} its exit probability, solved for as a fixed
     * point ({@code p = (ended + sum w) / (ended + sum w + moves)}, the censored-data estimate; a log much
     * shorter than the session timeout ends no session by timeout, and then every exit is learned this
     * way). Open sessions that surely exited ({@code S(t) = 0}) join the session lengths.
     */
    private Map<Integer, Double> exitsWithOpenSessions() {
        Map<Integer, Double> exits = new HashMap<>();
        Map<Integer, Long> moves = new HashMap<>();
        edgeCounts.forEach((edge, count) -> {
            int from = (int) (edge >> 32);
            if ((int) (long) edge == EXIT) {
                exits.merge(from, (double) count[0], Double::sum);
            } else {
                moves.merge(from, count[0], Long::sum);
            }
        });
        Map<Integer, List<double[]>> openByEndpoint = new HashMap<>();
        for (long[] session : open) {
            int endpoint = (int) session[0];
            double[] think = endpointThink.containsKey(endpoint)
                    ? endpointThink.get(endpoint).sortedValues()
                    : new double[0];
            double survival = survival(think, session[1] / 1e6);
            openByEndpoint.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(new double[] {survival});
            if (survival == 0) {
                lengths.add(session[2]);
                durations.add(session[3] / 1e6);
            }
        }
        openByEndpoint.forEach((endpoint, sessionsThere) -> {
            double ended = exits.getOrDefault(endpoint, 0.0);
            double moved = moves.getOrDefault(endpoint, 0L);
            double p = 0.5;
            double weights = 0;
            for (int round = 0; round < 100; round++) {
                weights = 0;
                for (double[] session : sessionsThere) {
                    double survival = session[0];
                    weights += survival == 0 ? 1 : p / (p + (1 - p) * survival);
                }
                double next = (ended + weights) / (ended + weights + moved);
                if (Math.abs(next - p) < 1e-9) {
                    break;
                }
                p = next;
            }
            exits.merge(endpoint, weights, Double::sum);
        });
        return exits;
    }

    /** The share of {@code sorted} values above {@code x}. */
    private static double survival(double[] sorted, double x) {
        int above = 0;
        for (int i = sorted.length - 1; i >= 0 && sorted[i] > x; i--) {
            above++;
        }
        return sorted.length == 0 ? 0 : (double) above / sorted.length;
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
        Map<Integer, Double> exits = exitsWithOpenSessions();
        Map<Integer, Double> outgoing = new HashMap<>(exits);
        edgeCounts.forEach((edge, count) -> {
            if ((int) (long) edge != EXIT) {
                outgoing.merge((int) (edge >> 32), (double) count[0], Double::sum);
            }
        });
        Map<Integer, FitResult> endpointFits = new HashMap<>();
        List<Transition> transitions = new ArrayList<>();
        List<Map.Entry<Long, long[]>> edges = new ArrayList<>(edgeCounts.entrySet());
        edges.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Long, long[]> entry : edges) {
            int from = (int) (entry.getKey() >> 32);
            int to = (int) (long) entry.getKey();
            long count = entry.getValue()[0];
            if (to == EXIT) {
                continue; // exits, with the open sessions' share, follow below
            }
            double probability = count / outgoing.get(from);
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
        exits.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> transitions.add(new Transition(
                        endpointIds.get(e.getKey()),
                        Transition.EXIT,
                        Math.round(e.getValue()),
                        e.getValue() / outgoing.get(e.getKey()),
                        null,
                        null,
                        null)));
        Map<String, Double> entry = new LinkedHashMap<>();
        entries.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> entry.put(endpointIds.get(e.getKey()), (double) e.getValue() / sessions));
        FitResult lengthFit = lengths.count() == 0 ? null : fitter.fit(lengths);
        return new SessionModel(
                key,
                timeoutSeconds,
                sessions,
                openAtEnd,
                requests,
                keyMissing,
                endedEarly,
                lengths.count() == 0 ? 0 : lengths.mean(),
                lengthFit == null ? null : lengthFit.distribution(),
                lengthFit == null ? null : lengthFit.fit(),
                durations.count() == 0 ? 0 : durations.mean(),
                entry,
                transitions);
    }
}
