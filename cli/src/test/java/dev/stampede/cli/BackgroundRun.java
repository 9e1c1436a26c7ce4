package dev.stampede.cli;

import dev.stampede.common.time.NanoClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A one-minute {@code stampede run} at 300 req/s against a loopback server, from the packaged jar in its
 * own process (the way the launcher runs it), for tests that stop it from outside: a signal, a kill.
 * Its stdout and stderr go to {@code out.txt} and {@code err.txt} in the given directory.
 */
final class BackgroundRun implements AutoCloseable {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private final Process process;
    private final Path out;
    private final Path err;

    private BackgroundRun(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts the run against {@code http://127.0.0.1:PORT/hello}, its results in {@code result}. */
    static BackgroundRun start(Path dir, int port, Path result) throws IOException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(List.of(
                        ProcessRun.javaExecutable(),
                        "@" + TARGET.resolve("stampede.jvm-args"),
                        "-jar",
                        TARGET.resolve("stampede.jar").toString(),
                        "run",
                        "--target",
                        "http://127.0.0.1:" + port + "/hello",
                        "--rate",
                        "300",
                        "--duration",
                        "60s",
                        "--control-port",
                        "0",
                        "--no-warmup",
                        "-o",
                        result.toString()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new BackgroundRun(process, out, err);
    }

    /** Runs the packaged jar with {@code args} to its end (bounded), in {@code dir}. */
    static ProcessRun jar(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessRun.javaExecutable(),
                "@" + TARGET.resolve("stampede.jvm-args"),
                "-jar",
                TARGET.resolve("stampede.jar").toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(dir, java.util.Map.of(), command);
    }

    /** The process. */
    Process process() {
        return process;
    }

    /** Waits until the run's live console has shown {@code seconds} seconds (at most a minute). */
    void awaitSeconds(int seconds) throws IOException {
        long deadline = NanoClock.system().nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String marker = String.format(Locale.ROOT, "[%4ds/", seconds);
        while (NanoClock.system().nanoTime() < deadline && process.isAlive()) {
            if (Files.readString(err, StandardCharsets.UTF_8).contains(marker)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new AssertionError("the run did not reach " + seconds + " s: " + stderr());
    }

    /** What it printed on stdout so far. */
    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** What it printed on stderr so far. */
    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
