package dev.stampede.benchmarks;

import dev.stampede.common.SuppressForbidden;
import dev.stampede.common.time.NanoClock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the injected clock costs. The scheduler and the measurement path read the clock at least twice
 * per request, so {@link NanoClock#system()} must cost what {@code System.nanoTime()} costs: the
 * interface call should be inlined away. If {@code injectedClock} is clearly slower than {@code
 * directNanoTime}, the clock abstraction is hurting the hot path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClockReadBenchmark {

    private final NanoClock clock = NanoClock.system();

    @Benchmark
    public long injectedClock() {
        return clock.nanoTime();
    }

    @Benchmark
    @SuppressForbidden(reason = "the baseline the injected clock is measured against")
    public long directNanoTime() {
        return System.nanoTime();
    }
}
