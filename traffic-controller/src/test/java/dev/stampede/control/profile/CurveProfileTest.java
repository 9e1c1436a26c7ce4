package dev.stampede.control.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stampede.model.BehaviourModel;
import dev.stampede.model.ModelFiles;
import dev.stampede.model.arrival.ArrivalAnalyzer;
import dev.stampede.model.arrival.ArrivalOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurveProfileTest {

    @TempDir
    Path tmp;

    @Test
    void eachRecordedSecondSitsAtItsMiddleWithStraightLinesBetween() {
        CurveProfile p = new CurveProfile(new long[] {10, 20, 40}, 1, 1, "m");

        assertThat(p.rateAt(0)).as("flat over the first half second").isEqualTo(10);
        assertThat(p.rateAt(0.5)).isEqualTo(10);
        assertThat(p.rateAt(1)).isEqualTo(15);
        assertThat(p.rateAt(1.5)).isEqualTo(20);
        assertThat(p.rateAt(2.25)).isEqualTo(35);
        assertThat(p.rateAt(2.5)).isEqualTo(40);
        assertThat(p.rateAt(2.999)).as("flat over the last half second").isEqualTo(40);
        assertThat(p.rateAt(3)).isZero();
        assertThat(p.seconds()).isEqualTo(3);
        assertThat(p.peak()).isEqualTo(40);
        assertThat(p.requests()).isEqualTo(70);
        assertThat(p.describe()).isEqualTo("curve of m x1, 1x as fast: 3s recorded in 3s, 70 requests");
    }

    @Test
    void compressingScalesTimeDownAndTheRateUpByTheSameFactorTimesK() {
        CurveProfile p = new CurveProfile(new long[] {10, 20, 40}, 1.5, 2, "m");

        assertThat(p.seconds()).isEqualTo(1.5);
        assertThat(p.rateAt(0)).isEqualTo(30);
        assertThat(p.rateAt(0.25)).isEqualTo(30);
        assertThat(p.rateAt(0.5)).isEqualTo(45);
        assertThat(p.rateAt(0.75)).isEqualTo(60);
        assertThat(p.rateAt(1.25)).isEqualTo(120);
        assertThat(p.rateAt(1.5)).isZero();
        assertThat(p.peak()).isEqualTo(120);
        assertThat(p.requests()).isEqualTo(105);

        CurveProfile stretched = new CurveProfile(new long[] {10, 20, 40}, 1, 0.5, "m");
        assertThat(stretched.seconds()).isEqualTo(6);
        assertThat(stretched.rateAt(3)).as("recorded 1.5 s, at half the rate").isEqualTo(10);
        assertThat(stretched.peak()).isEqualTo(20);
    }

    @Test
    void theTotalIsKTimesTheRecordedRequestsWhateverTheCompression() {
        long[] curve = new long[120];
        long total = 0;
        for (int i = 0; i < curve.length; i++) {
            curve[i] = (i * 37L) % 101; // uneven, with zeros
            total += curve[i];
        }
        for (double compress : new double[] {60, 1, 0.25}) {
            CurveProfile p = new CurveProfile(curve, 2.5, compress, "m");
            assertThat(p.seconds()).isEqualTo(120 / compress);
            // The midpoint rule is exact on straight pieces whose corners fall on the grid: 8 cells a second.
            double dt = 1 / (compress * 8);
            double sum = 0;
            for (int k = 0; k < 120 * 8; k++) {
                sum += p.rateAt((k + 0.5) * dt) * dt;
            }
            assertThat(sum).as("compress %s", compress).isCloseTo(2.5 * total, within(1e-6 * total));
        }
    }

    @Test
    void readsTheWholeCurveOrThePeakWindowFromAModel() throws Exception {
        Path dir = tmp.resolve("model");
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults().withPeakWindowMinutes(1));
        long start = 1_790_000_000L * 1_000_000L;
        for (int second = 0; second < 180; second++) {
            int requests = second >= 60 && second < 120 ? 5 : 1;
            for (int r = 0; r < requests; r++) {
                analyzer.add(start + second * 1_000_000L + r * 1000L);
            }
        }
        ModelFiles.write(
                dir.resolve(ModelFiles.MODEL_FILE),
                new BehaviourModel(
                        BehaviourModel.SCHEMA, BehaviourModel.VERSION, null, null, List.of(), analyzer.finish(), null));

        CurveProfile whole = CurveProfile.fromModel(dir, 1, 1, false);
        assertThat(whole.seconds()).isEqualTo(180);
        assertThat(whole.rateAt(0)).isEqualTo(1);
        assertThat(whole.rateAt(60))
                .as("half way from the middle of second 59 to that of 60")
                .isEqualTo(3);
        assertThat(whole.rateAt(60.5)).isEqualTo(5);
        assertThat(whole.peak()).isEqualTo(5);
        assertThat(whole.requests()).isEqualTo(420);

        CurveProfile peak = CurveProfile.fromModel(dir, 2, 60, true);
        assertThat(peak.seconds()).isEqualTo(1);
        assertThat(peak.rateAt(0)).isEqualTo(600);
        assertThat(peak.rateAt(0.999)).isEqualTo(600);
        assertThat(peak.requests()).isEqualTo(600);
        assertThat(peak.describe())
                .isEqualTo("curve of " + dir + " (peak window) x2, 60x as fast: 1m recorded in" + " 1s, 600 requests");
    }

    @Test
    void refusesAMissingModelAndOneWithoutACurve() throws Exception {
        assertThatThrownBy(() -> CurveProfile.fromModel(tmp.resolve("none"), 1, 1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no model at");
        Path dir = tmp.resolve("flat");
        ModelFiles.write(
                dir.resolve(ModelFiles.MODEL_FILE),
                new BehaviourModel(BehaviourModel.SCHEMA, BehaviourModel.VERSION, null, null, List.of(), null, null));
        assertThatThrownBy(() -> CurveProfile.fromModel(dir, 1, 1, false))
                .hasMessage("the model in " + dir + " has no arrival curve (rebuild it with stampede model)");
        assertThatThrownBy(() -> new CurveProfile(new long[0], 1, 1, "m"))
                .hasMessage("an arrival curve has at least one second");
        assertThatThrownBy(() -> new CurveProfile(new long[] {1}, 0, 1, "m"))
                .hasMessage("factor must be above 0, got 0.0");
    }
}
