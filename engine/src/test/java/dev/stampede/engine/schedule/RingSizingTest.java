package dev.stampede.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RingSizingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRingHoldsTwiceATimeoutOfEventsRoundedUpToAPowerOfTwo() {
        RingSizing sizing = RingSizing.derive(5000, 5 * SECOND);

        assertThat(sizing.inFlightAtTimeout()).isEqualTo(25_000.0);
        assertThat(sizing.ringSize()).isEqualTo(65_536); // >= 50,000
        assertThat(sizing.connections()).isEqualTo(1024); // 25,000 capped
        assertThat(sizing.describe())
                .isEqualTo("ring 65536 events (next power of two >= 2 x in flight), 1024 connections (capped at"
                        + " 1024): 5000/s x 5 s = 25000 in flight at most");
    }

    @Test
    void anExactPowerOfTwoIsKept() {
        assertThat(RingSizing.derive(512, 2 * SECOND).ringSize()).isEqualTo(2048);
        assertThat(RingSizing.derive(512.5, 2 * SECOND).ringSize()).isEqualTo(4096);
    }

    @Test
    void aSlowRunGetsTheSmallestRingAndOneConnectionPerRequestInFlight() {
        RingSizing sizing = RingSizing.derive(100, SECOND / 2);

        assertThat(sizing.ringSize()).isEqualTo(1024);
        assertThat(sizing.connections()).isEqualTo(50);
        assertThat(sizing.describe())
                .isEqualTo("ring 1024 events (the minimum), 50 connections (one per request in flight): 100/s x"
                        + " 0.500 s = 50 in flight at most");
        assertThat(RingSizing.derive(0.1, SECOND).connections()).isEqualTo(1);
        assertThat(RingSizing.derive(2.5, SECOND).connections()).isEqualTo(3);
    }

    @Test
    void aHugeRunIsCapped() {
        RingSizing sizing = RingSizing.derive(1e6, 30 * SECOND);

        assertThat(sizing.ringSize()).isEqualTo(RingSizing.DEFAULT_MAX_RING_SIZE);
        assertThat(sizing.describe()).startsWith("ring 4194304 events (capped at 4194304), 1024 connections");
        assertThat(RingSizing.derive(1e6, 30 * SECOND, 1 << 16, 64).ringSize()).isEqualTo(1 << 16);
        assertThat(RingSizing.derive(1e12, Long.MAX_VALUE).ringSize()).isEqualTo(RingSizing.DEFAULT_MAX_RING_SIZE);
    }

    @Test
    void chosenConnectionsReplaceTheDerivedOnes() {
        RingSizing sizing = RingSizing.derive(5000, 5 * SECOND).withConnections(64);

        assertThat(sizing.connections()).isEqualTo(64);
        assertThat(sizing.ringSize()).isEqualTo(65_536);
        assertThat(sizing.describe()).contains("64 connections (set)");
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> RingSizing.derive(0, SECOND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RingSizing.derive(Double.NaN, SECOND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RingSizing.derive(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RingSizing.derive(1, SECOND, 3000, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RingSizing.derive(1, SECOND, 512, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RingSizing.derive(1, SECOND, 1024, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RingSizing.derive(1, SECOND).withConnections(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
