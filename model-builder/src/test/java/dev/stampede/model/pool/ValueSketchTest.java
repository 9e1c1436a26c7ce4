package dev.stampede.model.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ValueSketchTest {

    @Test
    void findsTheTopTenOfAZipfStreamInExactOrderWithinItsBounds() {
        int capacity = 1_000;
        int length = 1_000_000;
        ZipfDistribution zipf = new ZipfDistribution(new Well19937c(11), 100_000, 1.1);
        ValueSketch sketch = new ValueSketch(capacity);
        Map<String, Long> exact = new HashMap<>();
        for (int i = 0; i < length; i++) {
            String value = "stock-" + zipf.sample();
            sketch.add(value);
            exact.merge(value, 1L, Long::sum);
        }

        List<String> trueTop = exact.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(10)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(sketch.top(10)).extracting(HeavyHitter::value).containsExactlyElementsOf(trueTop);
        assertThat(trueTop).startsWith("stock-1", "stock-2", "stock-3");

        long bound = length / capacity;
        assertThat(sketch.unseenBound()).isLessThanOrEqualTo(bound);
        for (HeavyHitter hitter : sketch.top(capacity)) {
            long truth = exact.get(hitter.value());
            assertThat(truth).as(hitter.value()).isBetween(hitter.guaranteed(), hitter.count());
            assertThat(hitter.error()).isLessThanOrEqualTo(bound);
        }
        List<String> kept =
                sketch.top(capacity).stream().map(HeavyHitter::value).toList();
        exact.forEach((value, count) -> {
            if (count > bound) {
                assertThat(kept)
                        .as("every value seen more than N/k times is kept")
                        .contains(value);
            }
        });
        assertThat(sketch.total()).isEqualTo(length);
        assertThat(sketch.tail(10))
                .isEqualTo(length
                        - sketch.top(10).stream().mapToLong(HeavyHitter::count).sum());
    }

    @Test
    void staysWithinItsCountersOnTenMillionValuesWithAMillionDistinct() {
        // Every tenth value is new (a million of them); the rest follow a Zipf law over 100,000 values.
        ZipfDistribution zipf = new ZipfDistribution(new Well19937c(3), 100_000, 1.0);
        ValueSketch sketch = new ValueSketch();
        long seenRank1 = 0;
        for (int i = 0; i < 10_000_000; i++) {
            if (i % 10 == 0) {
                sketch.add("once-" + i);
            } else {
                int rank = zipf.sample();
                seenRank1 += rank == 1 ? 1 : 0;
                sketch.add("rank-" + rank);
            }
            if ((i & 0xFFFFF) == 0) {
                assertThat(sketch.size()).isLessThanOrEqualTo(ValueSketch.DEFAULT_CAPACITY);
            }
        }
        assertThat(sketch.size()).isEqualTo(ValueSketch.DEFAULT_CAPACITY);
        assertThat(sketch.total()).isEqualTo(10_000_000L);
        HeavyHitter top = sketch.top(1).get(0);
        assertThat(top.value()).isEqualTo("rank-1");
        assertThat(seenRank1).isBetween(top.guaranteed(), top.count());
        assertThat(sketch.top(5))
                .extracting(HeavyHitter::value)
                .containsExactly("rank-1", "rank-2", "rank-3", "rank-4", "rank-5");
        assertThat(sketch.unseenBound()).isLessThanOrEqualTo(10_000_000L / ValueSketch.DEFAULT_CAPACITY);
    }

    @Test
    void countsExactlyUntilFull() {
        ValueSketch sketch = new ValueSketch(3);
        sketch.add("z");
        assertThat(sketch.unseenBound()).as("free counters: nothing unseen").isZero();
        sketch = new ValueSketch(3);
        sketch.add("b", 2);
        sketch.add("a", 2);
        sketch.add("c");
        sketch.add("b");
        assertThat(sketch.top(5))
                .containsExactly(new HeavyHitter("b", 3, 0), new HeavyHitter("a", 2, 0), new HeavyHitter("c", 1, 0));
        assertThat(sketch.unseenBound()).as("full: the smallest count").isEqualTo(1);

        sketch.add("d"); // takes over c's counter: count 2, error 1
        assertThat(sketch.top(5)).contains(new HeavyHitter("d", 2, 1)).hasSize(3);
        assertThat(sketch.unseenBound()).isEqualTo(2);
        assertThat(sketch.tail(1)).isEqualTo(7 - 3);
    }

    @Test
    void mergedSketchesKeepTheirBoundsOnTheCombinedStream() {
        ZipfDistribution zipf = new ZipfDistribution(new Well19937c(7), 50_000, 1.0);
        ValueSketch left = new ValueSketch(200);
        ValueSketch right = new ValueSketch(200);
        Map<String, Long> exact = new HashMap<>();
        for (int i = 0; i < 400_000; i++) {
            String value = "v" + zipf.sample();
            (i % 3 == 0 ? left : right).add(value);
            exact.merge(value, 1L, Long::sum);
        }
        left.merge(right);
        assertThat(left.total()).isEqualTo(400_000);
        assertThat(left.size()).isEqualTo(200);
        for (HeavyHitter hitter : left.top(200)) {
            assertThat(exact.get(hitter.value())).as(hitter.value()).isBetween(hitter.guaranteed(), hitter.count());
        }
        Set<String> kept = left.top(200).stream().map(HeavyHitter::value).collect(Collectors.toSet());
        exact.forEach((value, count) -> {
            if (!kept.contains(value)) {
                assertThat(count).as("a value not kept").isLessThanOrEqualTo(left.unseenBound());
            }
        });
        assertThat(left.top(5)).extracting(HeavyHitter::value).containsExactly("v1", "v2", "v3", "v4", "v5");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new ValueSketch(0)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> new ValueSketch(Integer.MAX_VALUE)).hasMessageContaining("capacity");
        ValueSketch sketch = new ValueSketch(2);
        assertThatThrownBy(() -> sketch.add("x", -1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> sketch.merge(sketch)).hasMessageContaining("itself");
        sketch.add("x", 0);
        assertThat(sketch.total()).isZero();
    }
}
