package dev.stampede.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RingOccupancyTest {

    @Test
    void maxAndP99OfTheSlotsWaitingAfterEachPublish() {
        RingOccupancy ring = new RingOccupancy(1024);
        for (int i = 0; i < 990; i++) {
            ring.record(i % 3); // mostly 0 to 2 waiting
        }
        for (int i = 0; i < 10; i++) {
            ring.record(500 + i); // a burst: the sender fell behind for ten publishes
        }

        RingUse use = ring.summary();

        assertThat(use.size()).isEqualTo(1024);
        assertThat(use.samples()).isEqualTo(1000);
        assertThat(use.maxOccupied()).isEqualTo(509);
        assertThat(use.p99Occupied()).isEqualTo(2);
        assertThat(use.fullWaits()).isZero();
    }

    @Test
    void valuesOutsideTheRingAreClampedAndFullWaitsCounted() {
        RingOccupancy ring = new RingOccupancy(8);
        ring.record(-3);
        ring.record(100);
        ring.fullWait();
        ring.fullWait();
        ring.lateArrival();

        RingUse use = ring.summary();

        assertThat(use.maxOccupied()).isEqualTo(8);
        assertThat(use.fullWaits()).isEqualTo(2);
        assertThat(use.lateArrivals()).isEqualTo(1);
    }

    @Test
    void anEmptyRunReportsZeros() {
        assertThat(new RingOccupancy(1).summary()).isEqualTo(new RingUse(1, 0, 0, 0, 0, 0));
    }
}
