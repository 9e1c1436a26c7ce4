package dev.stampede.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.schedule.ConstantRate;
import dev.stampede.engine.source.Marks;
import dev.stampede.engine.source.RequestShaper;
import dev.stampede.engine.source.Rewrite;
import dev.stampede.engine.source.UrlSource;
import org.junit.jupiter.api.Test;

/** The plan's release window follows the send-lag threshold the run accepts. */
class LoadPlanTest {

    @Test
    void theReleaseWindowIsHalfTheSendLagThresholdUpToFiveMilliseconds() {
        assertThat(plan(1_000_000L).releaseWindowNanos()).isEqualTo(500_000L);
        assertThat(plan(6_400_000L).releaseWindowNanos()).isEqualTo(3_200_000L);
        assertThat(plan(10_000_000L).releaseWindowNanos()).isEqualTo(5_000_000L);
        assertThat(plan(250_000_000L).releaseWindowNanos()).isEqualTo(5_000_000L);
        assertThat(plan(1_000L).releaseWindowNanos()).isEqualTo(500L);
    }

    @Test
    void theLongestWindowNeverWaitsPastWhatTheRingHolds() {
        assertThat(LoadPlan.MAX_RELEASE_WINDOW_NANOS).isLessThan(LoadRun.LOOKAHEAD_NANOS);
    }

    @Test
    void aFlatOutPlanKeepsItsThresholdAndWindow() {
        LoadPlan flatOut = plan(4_000_000L).flatOut(16);

        assertThat(flatOut.sendLagThresholdNanos()).isEqualTo(4_000_000L);
        assertThat(flatOut.releaseWindowNanos()).isEqualTo(2_000_000L);
        assertThat(flatOut.inFlightLimit()).isEqualTo(16);
    }

    private static LoadPlan plan(long sendLagThresholdNanos) {
        HttpTarget target = HttpTarget.parse("http://127.0.0.1:9/");
        RequestShaper shaper = new RequestShaper(target, Rewrite.NONE, Marks.DEFAULT, "plan-test");
        UrlSource source = new UrlSource(
                "GET /",
                shaper.finish(shaper.start("GET", "/"), -1).build(),
                shaper,
                start -> new ConstantRate(start, 100, 1_000_000_000L));
        return new LoadPlan(
                "plan-test",
                target,
                source,
                4,
                ClientOptions.defaults(),
                1024,
                1_000_000_000L,
                sendLagThresholdNanos,
                false,
                0,
                null);
    }
}
