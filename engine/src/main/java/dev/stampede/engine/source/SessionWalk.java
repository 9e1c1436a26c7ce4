package dev.stampede.engine.source;

import dev.stampede.model.SessionModel;
import dev.stampede.model.Transition;
import dev.stampede.model.stats.FittedDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A model's session walk by endpoint index, one step at a time: the entry endpoint drawn by the entry
 * shares, then after each request an edge drawn by the transition probabilities (an exit ends the
 * session), and the edge's think time. It draws exactly as the fidelity check's {@code
 * dev.stampede.model.fidelity.ModelWalk} does (same cumulative weights, same uniform draws, think times
 * below 0 taken as 0), so the check describes the traffic this source sends; {@code SessionWalkTest}
 * holds the two to the same sequence. Entries are ordered by endpoint index, so the walk does not depend
 * on the map's iteration order. Immutable; the caller brings the random generator.
 */
final class SessionWalk {

    /** The target of an edge that ends the session. */
    static final int EXIT = -1;

    /** A hard stop for a walk that never exits (a model whose exits were all cut), as in {@code ModelWalk}. */
    static final int MAX_SESSION_LENGTH = 100_000;

    private final int endpoints;
    private final int[] entries;
    private final double[] entryShares;
    private final double[] entryCumulative;
    private final int[][] targets;
    private final double[][] probabilities;
    private final double[][] cumulative;
    private final FittedDistribution[][] think;

    /**
     * @param model the sessions
     * @param index endpoint id to index; every endpoint named by an entry or a transition must be in it
     */
    SessionWalk(SessionModel model, Map<String, Integer> index) {
        this.endpoints = index.size();
        List<Integer> entryList = new ArrayList<>();
        double[] shareOf = new double[endpoints];
        model.entry().forEach((id, share) -> {
            int i = indexOf(index, id, "entry");
            if (share != null && share > 0) {
                shareOf[i] += share;
            }
        });
        for (int i = 0; i < endpoints; i++) {
            if (shareOf[i] > 0) {
                entryList.add(i);
            }
        }
        entries = entryList.stream().mapToInt(Integer::intValue).toArray();
        entryShares = new double[entries.length];
        for (int k = 0; k < entries.length; k++) {
            entryShares[k] = shareOf[entries[k]];
        }
        entryCumulative = cumulative(entryShares);
        List<List<Transition>> byFrom = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            byFrom.add(new ArrayList<>());
        }
        for (Transition t : model.transitions()) {
            byFrom.get(indexOf(index, t.from(), "transition")).add(t);
        }
        targets = new int[endpoints][];
        probabilities = new double[endpoints][];
        cumulative = new double[endpoints][];
        think = new FittedDistribution[endpoints][];
        for (int i = 0; i < endpoints; i++) {
            List<Transition> out = byFrom.get(i);
            targets[i] = out.stream()
                    .mapToInt(t -> Transition.EXIT.equals(t.to()) ? EXIT : indexOf(index, t.to(), "transition"))
                    .toArray();
            cumulative[i] =
                    cumulative(out.stream().mapToDouble(Transition::probability).toArray());
            probabilities[i] = new double[out.size()];
            for (int k = 0; k < out.size(); k++) {
                probabilities[i][k] = cumulative[i][k] - (k == 0 ? 0 : cumulative[i][k - 1]);
            }
            think[i] = out.stream().map(Transition::thinkSeconds).toArray(FittedDistribution[]::new);
        }
    }

    private static int indexOf(Map<String, Integer> index, String id, String where) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException(
                    "the model's sessions name an endpoint it does not have (" + where + "): " + id);
        }
        return i;
    }

    private static double[] cumulative(double[] weights) {
        double[] sums = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            sums[i] = sum;
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= sum;
        }
        return sums;
    }

    private static int pick(double[] cumulative, RandomGenerator random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** How many endpoints the walk knows (the model's). */
    int endpoints() {
        return endpoints;
    }

    /** Whether any session can start (the model has entries). */
    boolean hasEntries() {
        return entries.length > 0;
    }

    /** The share of sessions that start at {@code endpoint} (0 to 1). */
    double entryShare(int endpoint) {
        for (int k = 0; k < entries.length; k++) {
            if (entries[k] == endpoint) {
                return entryCumulative[k] - (k == 0 ? 0 : entryCumulative[k - 1]);
            }
        }
        return 0;
    }

    /** The endpoint a session starts at. One uniform draw. */
    int entry(RandomGenerator random) {
        return entries[pick(entryCumulative, random)];
    }

    /** The number of edges leaving {@code from}; 0 ends a session there. */
    int edges(int from) {
        return targets[from].length;
    }

    /** The edge taken after a request to {@code from} (one uniform draw), or -1 when it has none. */
    int edge(int from, RandomGenerator random) {
        return targets[from].length == 0 ? -1 : pick(cumulative[from], random);
    }

    /** Where edge {@code edge} of {@code from} leads: an endpoint index or {@link #EXIT}. */
    int target(int from, int edge) {
        return targets[from][edge];
    }

    /** The probability of edge {@code edge} of {@code from} among its edges. */
    double probability(int from, int edge) {
        return probabilities[from][edge];
    }

    /** A think time of the edge in seconds (0 for an edge without a distribution). */
    double thinkSeconds(int from, int edge, RandomGenerator random) {
        FittedDistribution distribution = think[from][edge];
        return distribution == null ? 0 : Math.max(0, distribution.sample(random));
    }

    /** The mean think time of the edge in seconds (0 for an edge without a distribution). */
    double meanThinkSeconds(int from, int edge) {
        FittedDistribution distribution = think[from][edge];
        double mean = distribution == null ? 0 : distribution.mean();
        return Double.isFinite(mean) && mean > 0 ? mean : 0;
    }
}
