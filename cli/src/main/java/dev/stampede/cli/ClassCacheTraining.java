package dev.stampede.cli;

import dev.stampede.common.time.NanoClock;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.store.RecordStoreReader;
import dev.stampede.testbed.Testbed;
import dev.stampede.testbed.TestbedSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code stampede train-class-cache} (hidden): runs the main code paths once on a small built-in log so
 * the launcher can record the classes they load in a class-data-sharing archive (see the launcher's
 * {@code STAMPEDE_CDS}). Loading those classes from the archive instead of the jar saves about a third
 * of a second on every later start, which is most of a short parse's fixed cost. With {@code --load}, a
 * short {@code run} against the testbed on loopback trains the load path too (the engine, Netty's HTTP
 * client), for the archive {@code run} starts from: its classes then load from the archive in a run's
 * first second. The batch commands keep an archive without them: mapping the larger one cost a parse
 * of 2M lines about 0.15 s of start-up (system time 0.24 s to 0.4-0.5 s).
 */
@Command(name = "train-class-cache", hidden = true, description = "Exercise the main code paths (for the launcher).")
final class ClassCacheTraining implements Callable<Integer> {

    static final int LINES = 5_000;

    @picocli.CommandLine.Option(
            names = "--load",
            description = "Also train a short run against the testbed (for the archive `run` starts from).")
    boolean load;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("stampede-class-cache");
        try {
            Path log = dir.resolve("access.log");
            writeLog(log);
            PrintWriter quiet = new PrintWriter(Writer.nullWriter());
            CommandLine cli = Cli.create(quiet, new PrintWriter(new StringWriter()), false);
            int parse = cli.execute(
                    "parse",
                    "--format",
                    "combined",
                    log.toString(),
                    "-o",
                    dir.resolve("store").toString());
            int detect = cli.execute("parse", "--detect", log.toString());
            int run = load ? trainRun(cli, dir) : 0;
            long read = 0;
            try (RecordStoreReader reader = RecordStoreReader.open(dir.resolve("store"))) {
                RequestRecord record = new RequestRecord();
                while (reader.next(record)) {
                    read++;
                }
            }
            return parse == 0 && detect == 0 && run == 0 && read == LINES ? 0 : 1;
        } finally {
            deleteTree(dir);
        }
    }

    /** A one-second run against the testbed on loopback: the engine's and Netty's client classes. */
    private static int trainRun(CommandLine cli, Path dir) {
        try (Testbed testbed = Testbed.start(TestbedSettings.defaults().withLbPort(0), NanoClock.system())) {
            return cli.execute(
                    "run",
                    "--target",
                    testbed.url() + "/api/quote/600519",
                    "--rate",
                    "200",
                    "--duration",
                    "1s",
                    "--connections",
                    "4",
                    "-o",
                    dir.resolve("run").toString());
        }
    }

    private static void writeLog(Path log) throws IOException {
        StringBuilder text = new StringBuilder(LINES * 200);
        for (int i = 0; i < LINES; i++) {
            text.append(String.format(
                    Locale.ROOT,
                    "10.0.%d.%d - - [21/Nov/2026:%02d:%02d:%02d +0800] \"GET /api/quote/%06d?fields=px HTTP/1.1\""
                            + " 200 %d \"https://trade.example.com/\" \"StockApp/5.12.1 (Android 14)\"%n",
                    i / 250,
                    i % 250,
                    9 + i / 3600,
                    i / 60 % 60,
                    i % 60,
                    600000 + i % 300,
                    100 + i));
        }
        Files.writeString(log, text, StandardCharsets.ISO_8859_1);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
