package dev.stampede.engine.schedule;

import static dev.stampede.engine.schedule.IntendedTimes.END;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.ManualNanoClock;
import dev.stampede.control.ControlLog;
import dev.stampede.control.live.LiveRate;
import dev.stampede.control.profile.RateProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * Schedules under a live rate, on an injected clock: a change reaches the times within the gate's
 * horizon (plus one 1 ms step), a pause sends nothing and waits rather than running to the end, a stop
 * ends the schedule, and a replay at a constant live speed keeps the fixed-speed times.
 */
class LiveScheduleTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long HORIZON = 30 * MS;
    private static final long START = 10 * SECOND;

    private final ManualNanoClock clock = new ManualNanoClock(START - HORIZON, 0);
    private final LiveRate rate =
            new LiveRate(RateProfile.constant(1000), LiveRate.UNLIMITED, "req/s", ControlLog.NONE);

    /** A waiter that advances the clock and tells {@code atEachWait} the new time. */
    private Waiter advancing(LongConsumer atEachWait) {
        return remaining -> {
            clock.advance(remaining);
            atEachWait.accept(clock.nanoTime());
        };
    }

    @Test
    void aRateChangeReachesTheScheduleWithinTheHorizon() throws Exception {
        LiveGate gate = new LiveGate(clock, HORIZON, advancing(now -> {}));
        RateProfileTimes times = RateProfileTimes.live(START, rate::rateAt, 4 * SECOND, gate, null);
        List<Long> due = new ArrayList<>();
        long changedAt = -1;
        for (long t = times.next(); t != END; t = times.next()) {
            due.add(t);
            if (changedAt < 0 && clock.nanoTime() >= START + 2 * SECOND) {
                changedAt = clock.nanoTime();
                rate.setRate(3000, "test");
            }
        }
        // The schedule read the rate no further ahead than the horizon (and the step being integrated).
        long newFrom = changedAt + HORIZON + 2 * MS;
        for (int i = 1; i < due.size(); i++) {
            long gap = due.get(i) - due.get(i - 1);
            if (due.get(i) <= changedAt) {
                assertThat(gap).as("gap before the change at %d", due.get(i)).isBetween(MS - 1, MS + 1);
            } else if (due.get(i - 1) >= newFrom) {
                assertThat(gap).as("gap after the change at %d", due.get(i)).isBetween(333_332L, 333_335L);
            }
        }
        long before = due.stream().filter(t -> t < START + 2 * SECOND).count();
        long after = due.stream().filter(t -> t >= START + 3 * SECOND).count();
        assertThat(before).isEqualTo(2000);
        assertThat(after).isBetween(2999L, 3001L);
    }

    @Test
    void aPauseSendsNothingAndWaitsAtTheGateUntilResumed() {
        long pauseAt = START + SECOND;
        long resumeAt = START + 3 * SECOND;
        LiveGate gate = new LiveGate(clock, HORIZON, advancing(now -> {
            if (now >= resumeAt && rate.paused()) {
                rate.resume("test");
            }
        }));
        RateProfileTimes times = RateProfileTimes.live(START, rate::rateAt, 5 * SECOND, gate, null);
        List<Long> due = new ArrayList<>();
        for (long t = times.next(); t != END; t = times.next()) {
            due.add(t);
            if (!rate.paused() && clock.nanoTime() >= pauseAt && clock.nanoTime() < resumeAt) {
                rate.pause("test");
            }
        }
        long silentFrom = pauseAt + HORIZON + 2 * MS;
        assertThat(due).noneMatch(t -> t > silentFrom && t < resumeAt);
        // Resumed, the schedule goes on at the old rate from there: not a burst of the paused seconds.
        long afterResume =
                due.stream().filter(t -> t >= resumeAt + HORIZON + 2 * MS).count();
        assertThat(afterResume).isBetween(1965L, 1970L);
        assertThat((long) due.size()).isBetween(1000L + 1965, 1000L + 2040);
    }

    @Test
    void aStopEndsAScheduleWaitingAtTheGate() {
        LiveGate[] gate = new LiveGate[1];
        gate[0] = new LiveGate(clock, HORIZON, advancing(now -> {
            if (now >= START + 2 * SECOND) {
                gate[0].stop();
            }
        }));
        rate.pause("test");
        RateProfileTimes times = RateProfileTimes.live(START, rate::rateAt, 3600 * SECOND, gate[0], null);
        assertThat(times.next()).isEqualTo(END);
        assertThat(times.next()).isEqualTo(END);
        assertThat(clock.nanoTime()).isBetween(START + 2 * SECOND, START + 2 * SECOND + LiveGate.WAIT_SLICE_NANOS);
    }

    @Test
    void poissonArrivalsAtALiveRateKeepTheRate() {
        LiveGate gate = new LiveGate(clock, HORIZON, advancing(now -> {}));
        RateProfileTimes times = RateProfileTimes.live(START, rate::rateAt, 20 * SECOND, gate, 7L);
        long count = 0;
        long last = Long.MIN_VALUE;
        for (long t = times.next(); t != END; t = times.next()) {
            assertThat(t).isGreaterThanOrEqualTo(last);
            last = t;
            count++;
        }
        // 20,000 expected; a Poisson count has a standard deviation of about 141.
        assertThat(count).isBetween(19_500L, 20_500L);
    }

    @Test
    void aReplayAtAConstantLiveSpeedKeepsTheFixedSpeedTimes() {
        long[] recordedMicros = {1_000_000, 1_000_250, 1_003_000, 1_500_000, 2_000_001, 2_000_001, 9_999_999};
        int[] next = {0};
        int[] nextLive = {0};
        ReplayTimes fixed = new ReplayTimes(
                START, 2.0, () -> next[0] < recordedMicros.length ? recordedMicros[next[0]++] : Long.MIN_VALUE);
        LiveRate speed = new LiveRate(RateProfile.constant(2.0), LiveRate.UNLIMITED, "x", ControlLog.NONE);
        LiveGate gate = new LiveGate(clock, HORIZON, advancing(now -> {}));
        RateIntegral warp =
                new RateIntegral(START, speed::rateAt, Long.MAX_VALUE, RateIntegral.DEFAULT_STEP_NANOS, gate);
        ReplayTimes live = ReplayTimes.live(
                warp, 0, () -> nextLive[0] < recordedMicros.length ? recordedMicros[nextLive[0]++] : Long.MIN_VALUE);
        for (int i = 0; i < recordedMicros.length; i++) {
            assertThat(live.next()).as("record %d", i).isCloseTo(fixed.next(), org.assertj.core.data.Offset.offset(1L));
        }
        assertThat(live.next()).isEqualTo(END);
    }

    @Test
    void aReplaySpedUpLiveClosesTheRestOfTheGapsFromThere() throws Exception {
        LiveRate speed = new LiveRate(RateProfile.constant(1.0), LiveRate.UNLIMITED, "x", ControlLog.NONE);
        LiveGate gate = new LiveGate(clock, HORIZON, advancing(now -> {}));
        RateIntegral warp =
                new RateIntegral(START, speed::rateAt, Long.MAX_VALUE, RateIntegral.DEFAULT_STEP_NANOS, gate);
        long[] micros = {0, 1_000_000, 2_000_000, 3_000_000, 4_000_000};
        int[] next = {0};
        ReplayTimes live =
                ReplayTimes.live(warp, 0, () -> next[0] < micros.length ? micros[next[0]++] : Long.MIN_VALUE);
        assertThat(live.next()).isEqualTo(START);
        assertThat(live.next()).isEqualTo(START + SECOND);
        clock.advanceTo(START + SECOND);
        speed.multiply(2, "test"); // from about 1 s (+ the horizon): recorded seconds go by twice as fast
        long third = live.next();
        long fourth = live.next();
        assertThat(third).isBetween(START + 1_500_000_000L, START + 1_520_000_000L);
        assertThat(fourth - third).isEqualTo(500_000_000L);
    }
}
