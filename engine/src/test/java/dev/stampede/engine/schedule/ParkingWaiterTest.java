package dev.stampede.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParkingWaiterTest {

    @Test
    void aWindowedWaiterParksAtLeastItsWindowAndNeverSpins() {
        ParkingWaiter waiter = (ParkingWaiter) Waiter.parkingInWindows(200_000L);

        assertThat(waiter.windowNanos()).isEqualTo(200_000L);
        assertThat(waiter).hasToString("park, at least 200000 ns");
        assertThat(((ParkingWaiter) Waiter.parking()).windowNanos()).isZero();
    }

    @Test
    void theWindowIsCappedByTheLongestParkSoAStopIsStillSeen() {
        assertThat(new ParkingWaiter(0L, 60_000_000_000L).windowNanos()).isEqualTo(ParkingWaiter.MAX_PARK_NANOS);
    }

    @Test
    void spinningAndWindowsDoNotMix() {
        assertThatThrownBy(() -> new ParkingWaiter(10_000L, 200_000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParkingWaiter(0L, -1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
