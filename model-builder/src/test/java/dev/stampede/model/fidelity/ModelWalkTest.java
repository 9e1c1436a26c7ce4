package dev.stampede.model.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampede.model.SessionModel;
import dev.stampede.model.Transition;
import dev.stampede.model.stats.FittedDistribution;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelWalkTest {

    static SessionModel twoPages() {
        FittedDistribution think = new FittedDistribution.Exponential(2.0);
        return new SessionModel(
                "ip+ua",
                1800,
                1000,
                0,
                3000,
                0,
                0,
                3,
                null,
                null,
                4,
                Map.of("A", 1.0),
                List.of(
                        new Transition("A", "B", 600, 0.6, think, null, "transition"),
                        new Transition("A", Transition.EXIT, 400, 0.4, null, null, null),
                        new Transition("B", "A", 500, 0.5, think, null, "transition"),
                        new Transition("B", Transition.EXIT, 500, 0.5, null, null, null)));
    }

    @Test
    void walksEntriesTransitionsAndThinkTimesByTheirProbabilities() {
        ModelWalk walk = new ModelWalk(twoPages());
        Map<String, Long> counts = new HashMap<>();
        double[] think = new double[2];
        long[] sessions = new long[1];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            walk.session(random, new ModelWalk.Visitor() {
                @Override
                public void request(String endpoint, double offsetSeconds, double thinkSeconds) {
                    counts.merge(endpoint, 1L, Long::sum);
                    if (offsetSeconds > 0) {
                        think[0] += thinkSeconds;
                        think[1]++;
                    }
                }

                @Override
                public void sessionEnded(int length) {
                    sessions[0]++;
                }
            });
        }
        // From A: B with 0.6; from B: A with 0.5. Visits of A per session = 1 / (1 - 0.6 * 0.5) = 1.4286.
        assertThat(counts.get("A") / 100_000.0).isCloseTo(1 / 0.7, within(0.02));
        assertThat(counts.get("B") / (double) counts.get("A")).isCloseTo(0.6, within(0.01));
        assertThat(think[0] / think[1]).isCloseTo(2.0, within(0.05));
        assertThat(sessions[0]).isEqualTo(100_000);
    }
}
