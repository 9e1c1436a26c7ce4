package dev.stampede.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleSpecsTest {

    private final CompareRules defaults = CompareRules.defaults();

    @Test
    void defaultsAreTenPercentAndOneMillisecond() {
        for (LatencyMetric metric : LatencyMetric.ALL) {
            assertThat(defaults.threshold(metric)).isEqualTo(new MetricThreshold(0.10, 1_000_000));
        }
        assertThat(defaults.errorRateFloor()).isEqualTo(0.001);
        assertThat(defaults.alpha()).isEqualTo(0.01);
        assertThat(defaults.minWindows()).isEqualTo(10);
    }

    @Test
    void thresholdsPerMetricOrForAll() {
        CompareRules rules = RuleSpecs.threshold(defaults, "p99=15%, max=25.5%");
        assertThat(rules.threshold(LatencyMetric.P99).relative()).isEqualTo(0.15);
        assertThat(rules.threshold(LatencyMetric.MAX).relative()).isEqualTo(0.255);
        assertThat(rules.threshold(LatencyMetric.P50).relative()).isEqualTo(0.10);
        assertThat(rules.threshold(LatencyMetric.P99).floorNanos()).isEqualTo(1_000_000);

        CompareRules all = RuleSpecs.threshold(defaults, "20%");
        assertThat(LatencyMetric.ALL)
                .allSatisfy(m -> assertThat(all.threshold(m).relative()).isEqualTo(0.20));
        assertThat(RuleSpecs.threshold(defaults, "P99.9=5%")
                        .threshold(LatencyMetric.P99_9)
                        .relative())
                .isEqualTo(0.05);
    }

    @Test
    void floorsWithUnits() {
        assertThat(RuleSpecs.floor(defaults, "p50=200us")
                        .threshold(LatencyMetric.P50)
                        .floorNanos())
                .isEqualTo(200_000);
        assertThat(RuleSpecs.floor(defaults, "2.5ms")
                        .threshold(LatencyMetric.MAX)
                        .floorNanos())
                .isEqualTo(2_500_000);
        assertThat(RuleSpecs.floor(defaults, "all=1s")
                        .threshold(LatencyMetric.P90)
                        .floorNanos())
                .isEqualTo(1_000_000_000);
        assertThat(RuleSpecs.floor(defaults, "0ns").threshold(LatencyMetric.P90).floorNanos())
                .isZero();
    }

    @Test
    void errorRateFloorInPointsOrAsAFraction() {
        assertThat(RuleSpecs.errorRateFloor(defaults, "0.5%").errorRateFloor()).isEqualTo(0.005);
        assertThat(RuleSpecs.errorRateFloor(defaults, "0.002").errorRateFloor()).isEqualTo(0.002);
    }

    @Test
    void mistakesSayWhatToWrite() {
        assertThatThrownBy(() -> RuleSpecs.threshold(defaults, "p99=10"))
                .hasMessageContaining("write a percentage, e.g. p99=15%");
        assertThatThrownBy(() -> RuleSpecs.threshold(defaults, "p95=10%"))
                .hasMessageContaining("unknown metric 'p95'")
                .hasMessageContaining("p50, p90, p99, p99.9, max");
        assertThatThrownBy(() -> RuleSpecs.floor(defaults, "1")).hasMessageContaining("write a duration with its unit");
        assertThatThrownBy(() -> RuleSpecs.errorRateFloor(defaults, "lots"))
                .hasMessageContaining("write percentage points (0.5%) or a fraction");
        assertThatThrownBy(() -> RuleSpecs.errorRateFloor(defaults, "150%"))
                .hasMessageContaining("error-rate floor must be from 0 to below 100%");
    }
}
