package dev.stampede.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalThreadPriorityTest {

    private static final long SECOND = 1_000_000_000L;

    /** A nice value in memory, with what was set. */
    private static final class FakeNice implements IntervalThreadPriority.Nice {
        boolean available = true;
        boolean accepts = true;
        int value;
        final List<Integer> set = new ArrayList<>();

        FakeNice(int value) {
            this.value = value;
        }

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public int get() {
            return value;
        }

        @Override
        public boolean set(int nice) {
            set.add(nice);
            if (accepts) {
                value = nice;
            }
            return accepts;
        }
    }

    private final List<String> events = new ArrayList<>();

    @Test
    void startingRaisesTheNiceByNineteenStepsAtMostToNineteen() {
        for (int[] c : new int[][] {{0, 19}, {5, 19}, {-20, -1}, {-5, 14}}) {
            FakeNice nice = new FakeNice(c[0]);
            IntervalThreadPriority priority = new IntervalThreadPriority(nice, SECOND, events::add);

            priority.started();

            assertThat(nice.value).as("from %d", c[0]).isEqualTo(c[1]);
            assertThat(priority.lowered()).isTrue();
        }
    }

    @Test
    void aThreadAtNineteenAlreadyOrWithoutTheCallIsLeftAlone() {
        FakeNice kindest = new FakeNice(19);
        IntervalThreadPriority atNineteen = new IntervalThreadPriority(kindest, SECOND, events::add);
        atNineteen.started();
        assertThat(kindest.set).isEmpty();
        assertThat(atNineteen.lowered()).isFalse();

        FakeNice absent = new FakeNice(0);
        absent.available = false;
        IntervalThreadPriority unavailable = new IntervalThreadPriority(absent, SECOND, events::add);
        unavailable.started();
        assertThat(absent.set).isEmpty();
        assertThat(unavailable.lowered()).isFalse();

        FakeNice refusing = new FakeNice(0);
        refusing.accepts = false;
        IntervalThreadPriority refused = new IntervalThreadPriority(refusing, SECOND, events::add);
        refused.started();
        assertThat(refused.lowered()).isFalse();
        refused.ticked(0, 10 * SECOND); // nothing to give back
        assertThat(refusing.set).containsExactly(19);
        assertThat(events).isEmpty();
    }

    @Test
    void aTickLaterThanHalfAnIntervalGivesThePriorityBackOnceAndSaysSo() {
        FakeNice nice = new FakeNice(-20);
        IntervalThreadPriority priority = new IntervalThreadPriority(nice, SECOND, events::add);
        priority.started();

        priority.ticked(SECOND, SECOND + 3_000_000); // 3 ms late: normal
        priority.ticked(2 * SECOND, 2 * SECOND + SECOND / 2); // exactly half: still normal
        assertThat(nice.value).isEqualTo(-1);
        assertThat(events).isEmpty();

        priority.ticked(3 * SECOND, 3 * SECOND + SECOND / 2 + 1_000_000); // 501 ms late

        assertThat(nice.value).isEqualTo(-20);
        assertThat(priority.lowered()).isFalse();
        assertThat(events)
                .singleElement()
                .asString()
                .startsWith("interval thread back to normal priority: a tick ran 501 ms late");

        priority.ticked(4 * SECOND, 6 * SECOND);
        assertThat(events).hasSize(1);
        assertThat(nice.set).containsExactly(-1, -20);
    }
}
