package dev.stampede.engine.measure;

import dev.stampede.common.time.NanoClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Run ids: {@code yyyyMMdd-HHmmss-xxxxxx} (UTC start and six random hex digits), readable in a file
 * listing and unique enough that two runs started in the same second differ. The id is in {@code
 * run.json}, in every request's {@code baggage} and hashed into every trace id of the run.
 */
public final class RunIds {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private RunIds() {}

    /** A new run id for a run starting now on {@code clock}. */
    public static String next(NanoClock clock, RandomGenerator random) {
        String second = SECOND.format(Instant.ofEpochMilli(clock.epochMillis()).atOffset(ZoneOffset.UTC));
        return second + "-" + String.format(Locale.ROOT, "%06x", random.nextInt(1 << 24));
    }
}
