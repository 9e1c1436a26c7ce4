package dev.stampede.benchmarks;

import dev.stampede.control.ControlLog;
import dev.stampede.control.live.LiveRate;
import dev.stampede.control.profile.RateProfile;
import dev.stampede.engine.schedule.ConstantRate;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.schedule.LiveGate;
import dev.stampede.engine.schedule.PoissonRate;
import dev.stampede.engine.schedule.RateProfileTimes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one intended send time costs on the publishing thread: the fixed constant and Poisson schedules
 * against the live schedule every fixed-rate run now uses (the traffic controller's rate, integrated in 1 ms
 * steps; evenly and Poisson). At 20,000 req/s a schedule may spend 50 µs per request before it matters; the
 * live one should stay in tens of nanoseconds. The gate is open here (nothing waits): this measures the
 * arithmetic, not the parking.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScheduleBenchmark {

    private static final double RATE = 20_000;

    private IntendedTimes constant;
    private IntendedTimes poisson;
    private IntendedTimes liveEven;
    private IntendedTimes livePoisson;

    @Setup(Level.Iteration)
    public void schedules() {
        constant = new ConstantRate(0, RATE, Long.MAX_VALUE);
        poisson = new PoissonRate(0, RATE, Long.MAX_VALUE, 1);
        LiveRate live = new LiveRate(RateProfile.constant(RATE), LiveRate.UNLIMITED, "req/s", ControlLog.NONE);
        liveEven = RateProfileTimes.live(0, live::rateAt, Long.MAX_VALUE, LiveGate.OPEN, null);
        livePoisson = RateProfileTimes.live(0, live::rateAt, Long.MAX_VALUE, LiveGate.OPEN, 1L);
    }

    @Benchmark
    public long constantRate() {
        return constant.next();
    }

    @Benchmark
    public long poissonRate() {
        return poisson.next();
    }

    @Benchmark
    public long liveRateEvenly() {
        return liveEven.next();
    }

    @Benchmark
    public long liveRatePoisson() {
        return livePoisson.next();
    }
}
