package dev.stampede.model.fidelity;

import dev.stampede.model.SessionModel;
import dev.stampede.model.Transition;
import dev.stampede.model.stats.FittedDistribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Walks a session model without a network: a session starts at an entry endpoint drawn by the entry
 * shares, then follows transitions drawn by their probabilities, sampling a think time before each next
 * request, until it takes an exit. This is what model-driven load does, minus the sending.
 */
public final class ModelWalk {

    /** Receives the walk. */
    public interface Visitor {
        /** A request to {@code endpoint}, {@code offsetSeconds} after its session started. */
        void request(String endpoint, double offsetSeconds, double thinkSeconds);

        /** A session ended after {@code length} requests. */
        void sessionEnded(int length);
    }

    /** A hard stop for a walk that never exits (a model whose exits were all cut). */
    static final int MAX_SESSION_LENGTH = 100_000;

    private final String[] entries;
    private final double[] entryCumulative;
    private final Map<String, Edges> edges = new HashMap<>();

    private record Edges(String[] targets, double[] cumulative, FittedDistribution[] think) {}

    public ModelWalk(SessionModel model) {
        List<String> names = new ArrayList<>(model.entry().keySet());
        entries = names.toArray(new String[0]);
        entryCumulative = cumulative(names.stream().map(model.entry()::get).toList());
        Map<String, List<Transition>> byFrom = new HashMap<>();
        for (Transition t : model.transitions()) {
            byFrom.computeIfAbsent(t.from(), f -> new ArrayList<>()).add(t);
        }
        byFrom.forEach((from, list) -> edges.put(
                from,
                new Edges(
                        list.stream().map(Transition::to).toArray(String[]::new),
                        cumulative(list.stream().map(Transition::probability).toList()),
                        list.stream().map(Transition::thinkSeconds).toArray(FittedDistribution[]::new))));
    }

    private static double[] cumulative(List<Double> weights) {
        double[] cumulative = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += weights.get(i);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
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

    /** Walks one session. */
    public void session(RandomGenerator random, Visitor visitor) {
        if (entries.length == 0) {
            return;
        }
        String at = entries[pick(entryCumulative, random)];
        double offset = 0;
        int length = 1;
        visitor.request(at, 0, 0);
        while (length < MAX_SESSION_LENGTH) {
            Edges out = edges.get(at);
            if (out == null) {
                break;
            }
            int choice = pick(out.cumulative(), random);
            String next = out.targets()[choice];
            if (Transition.EXIT.equals(next)) {
                break;
            }
            double think = Math.max(0, out.think()[choice].sample(random));
            offset += think;
            visitor.request(next, offset, think);
            at = next;
            length++;
        }
        visitor.sessionEnded(length);
    }
}
