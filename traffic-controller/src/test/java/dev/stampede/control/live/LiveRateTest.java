package dev.stampede.control.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.control.ControlLog;
import dev.stampede.control.profile.RateProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveRateTest {

    private final List<String> log = new ArrayList<>();
    private final ControlLog recorder = (who, what) -> log.add(who + ": " + what);

    /** A ramp from 100 at 0 s to 1100 at 10 s. */
    private static final RateProfile RAMP = new RateProfile() {
        @Override
        public double rateAt(double seconds) {
            return 100 + 100 * Math.min(seconds, 10);
        }

        @Override
        public double seconds() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public double peak() {
            return 1100;
        }

        @Override
        public String describe() {
            return "ramp";
        }
    };

    @Test
    void theProfileDrivesUntilAManualRateReplacesIt() throws Exception {
        LiveRate rate = new LiveRate(RAMP, LiveRate.UNLIMITED, "req/s", recorder);
        assertThat(rate.rateAt(2)).isEqualTo(300);
        rate.setRate(250, "ctl 127.0.0.1");
        assertThat(rate.rateAt(2)).isEqualTo(250);
        assertThat(rate.rateAt(9)).isEqualTo(250);
        assertThat(rate.status().mode()).isEqualTo("manual");
        assertThat(log).containsExactly("ctl 127.0.0.1: rate 300 -> 250 req/s");
    }

    @Test
    void multiplyScalesTheProfileFromNowOnOrTheManualRate() throws Exception {
        LiveRate rate = new LiveRate(RAMP, LiveRate.UNLIMITED, "req/s", recorder);
        rate.rateAt(1);
        rate.multiply(1.5, "ctl");
        assertThat(rate.rateAt(1)).isEqualTo(300);
        assertThat(rate.rateAt(3)).isEqualTo(600);
        rate.setRate(100, "ctl");
        rate.multiply(2, "ctl");
        assertThat(rate.rateAt(3)).isEqualTo(200);
        assertThat(log.get(0)).isEqualTo("ctl: multiply x1.5: 200 -> 300 req/s");
    }

    @Test
    void pauseSendsNothingAndResumeReturnsToWhatTheRateWouldBeNow() {
        LiveRate rate = new LiveRate(RAMP, LiveRate.UNLIMITED, "req/s", recorder);
        rate.rateAt(1);
        rate.pause("ctl");
        assertThat(rate.rateAt(5)).isZero();
        assertThat(rate.paused()).isTrue();
        rate.pause("ctl"); // nothing to record
        rate.resume("ctl");
        assertThat(rate.rateAt(5)).isEqualTo(600);
        assertThat(log).containsExactly("ctl: pause 200 -> 0 req/s", "ctl: resume 0 -> 600 req/s");
    }

    @Test
    void theCeilingRefusesChangesAboveItAndClampsTheProfile() throws Exception {
        LiveRate rate = new LiveRate(RAMP, 500, "req/s", recorder);
        assertThat(rate.rateAt(9)).isEqualTo(500); // the profile asks 1000
        assertThatThrownBy(() -> rate.setRate(501, "ctl"))
                .isInstanceOf(RateRefusedException.class)
                .hasMessage("501 req/s is above the ceiling maxRate 500 req/s");
        rate.rateAt(2);
        assertThatThrownBy(() -> rate.multiply(2, "ctl"))
                .isInstanceOf(RateRefusedException.class)
                .hasMessageContaining("would ask for 600 req/s, above the ceiling maxRate 500");
        assertThatThrownBy(() -> rate.setRate(-1, "ctl")).isInstanceOf(RateRefusedException.class);
        assertThatThrownBy(() -> rate.multiply(0, "ctl")).isInstanceOf(RateRefusedException.class);
        assertThat(rate.rateAt(2)).isEqualTo(300);
        assertThat(log).isEmpty();
    }

    @Test
    void aHoldCapsTheRateAndABackOffReturnsToTheGivenRateAndStaysThere() {
        LiveRate rate = new LiveRate(RAMP, LiveRate.UNLIMITED, "req/s", recorder);
        rate.rateAt(4);
        rate.hold(500, "guard p99");
        assertThat(rate.rateAt(4)).isEqualTo(500);
        assertThat(rate.rateAt(9)).isEqualTo(500);
        rate.hold(800, "guard p99"); // a higher cap does not lift a lower one
        assertThat(rate.cap()).isEqualTo(500);
        rate.backOff(300, "guard errors");
        assertThat(rate.rateAt(9)).isEqualTo(300);
        assertThat(rate.cap()).isEqualTo(300);
        assertThat(log)
                .containsExactly(
                        "guard p99: hold at most 500 req/s: 500 -> 500 req/s",
                        "guard errors: back off 500 -> 300 req/s");
    }

    @Test
    void everyChangeWakesTheScheduler() throws Exception {
        LiveRate rate = new LiveRate(RAMP, LiveRate.UNLIMITED, "x", recorder);
        int[] wakes = {0};
        rate.onChange(() -> wakes[0]++);
        rate.setRate(2, "ctl");
        rate.pause("ctl");
        rate.resume("ctl");
        assertThat(wakes[0]).isEqualTo(3);
        assertThat(log.get(0)).isEqualTo("ctl: rate 100 -> 2 x");
    }
}
