package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ReportCommandTest {

    private static final List<String> REPORTS =
            List.of("summary.json", "junit.xml", "latency.hgrm", "GET_hello.hgrm", "report.html");

    private final CapturedCli cli = new CapturedCli();

    @TempDir
    Path dir;

    @Test
    void aRunWritesItsReportsAndReportWritesTheSameOnesAgain() throws Exception {
        Path results = dir.resolve("results");
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            int code = cli.run(
                    "run",
                    "--target",
                    "http://127.0.0.1:" + server.port() + "/hello",
                    "--rate",
                    "200",
                    "--duration",
                    "1s",
                    "--no-warmup",
                    "-o",
                    results.toString());
            assertThat(code).as(cli.toString()).isZero();
        }
        assertThat(cli.out.toString())
                .contains("reports: summary.json, junit.xml, latency.hgrm, GET_hello.hgrm, report.html (in " + results
                        + ")");
        Map<String, byte[]> written = reports(results);
        for (String name : REPORTS) {
            Files.delete(results.resolve(name));
        }
        cli.out.getBuffer().setLength(0);

        int code = cli.run("report", results.toString());

        assertThat(code).as(cli.toString()).isZero();
        assertThat(cli.out.toString())
                .contains(results + ": run ended, ")
                .contains("200 latencies; p50 ")
                .contains("  passed  every scheduled request ended\n")
                .contains("reports: summary.json, junit.xml, latency.hgrm, GET_hello.hgrm, report.html (in " + results
                        + ")")
                .doesNotContain("note:");
        Map<String, byte[]> again = reports(results);
        assertThat(again.keySet()).containsExactlyInAnyOrderElementsOf(REPORTS);
        for (String name : REPORTS) {
            assertThat(again.get(name)).as(name).isEqualTo(written.get(name));
        }
    }

    @Test
    void aDirectoryWithoutResultsIsRefusedWithOneLine() throws Exception {
        assertThat(cli.run("report", dir.toString())).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString())
                .isEqualTo("stampede: error: " + dir + " has no latency.hlog: not a stampede result directory, or the"
                        + " run never started measuring\n");
        assertThat(cli.run("report", dir.resolve("nothing").toString())).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.run("report")).isEqualTo(ExitCode.USAGE);
    }

    private static Map<String, byte[]> reports(Path results) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(results)) {
            for (Path file : list.toList()) {
                String name = file.getFileName().toString();
                if (REPORTS.contains(name)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }
}
