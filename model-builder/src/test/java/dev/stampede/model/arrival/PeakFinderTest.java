package dev.stampede.model.arrival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeakFinderTest {

    private static final long FIRST = 1_000;

    @Test
    void topPeaksAreGreedyNonOverlappingAndTieToTheEarliest() {
        // 3-second window sums by start: 6, 10, 10, 5, 2, 4, 6, 4, 2, 1.
        long[] curve = {1, 0, 5, 5, 0, 0, 2, 2, 2, 0, 0, 1};

        List<Peak> peaks = PeakFinder.topPeaks(FIRST, curve, 3, 5);

        // 10 at starts 1 and 2: the earliest wins and blocks starts 0..3; then 6 at start 6 (not 0, blocked)
        // blocks 4..8; then 1 at start 9. Nothing is left for a fourth and fifth.
        assertThat(peaks)
                .containsExactly(
                        new Peak(1_001, 1_004, 10, 10.0 / 3, 5),
                        new Peak(1_006, 1_009, 6, 2.0, 2),
                        new Peak(1_009, 1_012, 1, 1.0 / 3, 1));
    }

    @Test
    void equalWindowsComeInTimeOrder() {
        assertThat(PeakFinder.topPeaks(FIRST, new long[] {3, 0, 0, 3, 0, 0, 3}, 1, 3))
                .extracting(Peak::startSecond)
                .containsExactly(1_000L, 1_003L, 1_006L);
        // Starts 0, 1 and 2 all hold 4; start 0 wins and blocks 1, start 2 is next.
        assertThat(PeakFinder.topPeaks(FIRST, new long[] {2, 2, 2, 2}, 2, 3))
                .containsExactly(new Peak(1_000, 1_002, 4, 2.0, 2), new Peak(1_002, 1_004, 4, 2.0, 2));
    }

    @Test
    void windowsWithoutRequestsAreNeverPeaks() {
        assertThat(PeakFinder.topPeaks(FIRST, new long[] {5, 0, 0, 0, 0}, 2, 3))
                .containsExactly(new Peak(1_000, 1_002, 5, 2.5, 5));
    }

    @Test
    void aCurveShorterThanTheWindowIsOnePeakWhole() {
        assertThat(PeakFinder.topPeaks(FIRST, new long[] {1, 4, 2}, 300, 3))
                .containsExactly(new Peak(1_000, 1_003, 7, 7.0 / 3, 4));
        assertThat(PeakFinder.topPeaks(FIRST, new long[] {1, 4, 2}, 3, 3))
                .containsExactly(new Peak(1_000, 1_003, 7, 7.0 / 3, 4));
    }
}
