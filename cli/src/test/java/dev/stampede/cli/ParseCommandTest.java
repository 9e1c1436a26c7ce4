package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.store.RecordStoreReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ParseCommandTest {

    private final CapturedCli cli = new CapturedCli();

    @TempDir
    Path dir;

    private Path log(String... lines) throws Exception {
        Path file = dir.resolve("access.log");
        Files.write(file, List.of(lines), StandardCharsets.ISO_8859_1);
        return file;
    }

    private static String line(int second, String path) {
        return "10.0.0.1 - - [21/Nov/2026:09:30:" + (second < 10 ? "0" : "") + second + " +0000] \"GET " + path
                + " HTTP/1.1\" 200 10 \"-\" \"ua\"";
    }

    @Test
    void parsesIntoAStoreAndWritesTheSummary() throws Exception {
        Path log = log(line(2, "/b"), line(1, "/a"), "junk", line(3, "/c.css"));
        Path store = dir.resolve("store");

        int code = cli.run("parse", "--format", "combined", "--skip-static", log.toString(), "-o", store.toString());

        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString())
                .contains("parsed 2 of 4 lines")
                .contains("rejected 1 (format-mismatch 1)   skipped 1 (static-assets 1)")
                .contains(log + ":3: format-mismatch");
        JsonNode summary =
                new ObjectMapper().readTree(store.resolve("summary.json").toFile());
        assertThat(summary.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(summary.get("linesRead").asLong()).isEqualTo(4);
        assertThat(summary.get("parsed").asLong()).isEqualTo(2);
        assertThat(summary.get("rejectedByReason").get("format-mismatch").asLong())
                .isEqualTo(1);
        assertThat(summary.get("firstStart").asText()).isEqualTo("2026-11-21T09:30:01Z");
        assertThat(summary.get("rejectionSamples").get(0).get("line").asLong()).isEqualTo(3);
        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            RequestRecord record = new RequestRecord();
            assertThat(reader.next(record)).isTrue();
            assertThat(record.path()).isEqualTo("/a");
            assertThat(reader.next(record)).isTrue();
            assertThat(record.path()).isEqualTo("/b");
            assertThat(reader.next(record)).isFalse();
        }
    }

    @Test
    void tooManyRejectionsFailTheRunButKeepTheStore() throws Exception {
        Path log = log(line(1, "/a"), "junk", "more junk");
        Path store = dir.resolve("store");

        int code = cli.run(
                "parse", "--format", "combined", "--max-reject-ratio", "0.5", log.toString(), "-o", store.toString());

        assertThat(code).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString()).contains("66.67% of the lines were rejected, more than --max-reject-ratio 0.5");
        assertThat(store.resolve("summary.json")).exists();
    }

    @Test
    void usageErrorsComeBeforeAnythingIsRead() throws Exception {
        Path log = log(line(1, "/a"));
        assertThat(cli.run("parse", log.toString(), "-o", dir.resolve("s").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("give the log format with --format");

        assertThat(cli.run("parse", "--format", "nginx:'$remote_addr $nonsense'", log.toString(), "-o", "x"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("has no time variable");

        assertThat(cli.run("parse", "--format", "klingon", log.toString(), "-o", "x"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("unknown format 'klingon'").contains("nginx:<definition|preset>");

        assertThat(cli.run("parse", "--format", "combined", log.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("-o STORE");

        assertThat(cli.run("parse", "--format", "combined", "--from", "yesterday", log.toString(), "-o", "x"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("--from 'yesterday' is not an ISO-8601 time");
    }

    @Test
    void missingInputsAndUsedStoresAreRunFailuresNamingThem() throws Exception {
        assertThat(cli.run(
                        "parse", "--format", "combined", dir.resolve("nope.log").toString(), "-o", "x"))
                .isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString()).contains("input " + dir.resolve("nope.log") + " does not exist");

        Path log = log(line(1, "/a"));
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("file"), "x");
        assertThat(cli.run("parse", "--format", "combined", log.toString(), "-o", used.toString()))
                .isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString()).contains(used + " is not empty");
    }

    @Test
    void aTimeWindowSkipsWhatFallsOutsideIt() throws Exception {
        Path log = log(line(1, "/early"), line(5, "/inside"), line(9, "/late"));
        Path store = dir.resolve("store");

        int code = cli.run(
                "parse",
                "--format",
                "combined",
                "--from",
                "2026-11-21T09:30:03Z",
                "--to",
                "2026-11-21T17:30:09+08:00",
                log.toString(),
                "-o",
                store.toString());

        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("parsed 1 of 3 lines").contains("skipped 2 (time-window 2)");
    }

    @Test
    void detectSuggestsTheFormat() throws Exception {
        Path log = log(line(1, "/a"), line(2, "/b"));

        assertThat(cli.run("parse", "--detect", log.toString())).isZero();

        assertThat(cli.out.toString()).contains("--format combined    (2/2 lines parse;");
    }
}
