package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.engine.http.Completion;
import dev.stampede.engine.journal.ResultJournal;
import dev.stampede.engine.measure.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class JournalCommandTest {

    private static final long ORIGIN = 1_000_000_000L;
    /** 2026-11-21T09:00:00Z */
    private static final long ORIGIN_MILLIS = 1_795_251_600_000L;

    private final CapturedCli cli = new CapturedCli();

    @TempDir
    Path dir;

    /**
     * 100 requests 10 ms apart; request i takes (i % 10 + 1) ms from its intended time, except request 42
     * (500 ms, a 5xx) and request 7 (never sent: in-flight cap). Request i carries trace id (i, 0xabc).
     */
    @BeforeEach
    void writeAJournal() {
        try (ResultJournal journal =
                ResultJournal.open(dir, "run-7", List.of("GET /quote", "POST /order"), ORIGIN, ORIGIN_MILLIS)) {
            for (int i = 0; i < 100; i++) {
                long intended = ORIGIN + i * 10_000_000L;
                long latency = i == 42 ? 500_000_000L : (i % 10 + 1) * 1_000_000L;
                Outcome outcome = i == 42 ? Outcome.HTTP_5XX : i == 7 ? Outcome.UNSENT_INFLIGHT_CAP : Outcome.OK;
                long sent = i == 7 ? Completion.NOT_SENT : intended + 20_000;
                journal.record(
                        i % 2,
                        intended,
                        sent,
                        intended + latency,
                        i == 42 ? 503 : i == 7 ? 0 : 200,
                        1_000 + i,
                        outcome,
                        i,
                        0xabc);
            }
        }
    }

    @Test
    void summarisesEntriesOutcomesEndpointsAndTheSpan() {
        assertThat(cli.run("journal", dir.toString())).as(cli.err.toString()).isZero();

        assertThat(cli.out.toString())
                .contains("journal " + dir.resolve("journal") + " (run run-7)")
                .contains("entries  100, none dropped")
                .contains("span     2026-11-21T09:00:00Z .. 2026-11-21T09:00:01Z (1.000 s")
                .containsPattern("ok +98 +98\\.00%")
                .containsPattern("http_5xx +1 +1\\.00%")
                .containsPattern("unsent_inflight_cap +1 +1\\.00%")
                .containsPattern("50 +GET /quote")
                .containsPattern("50 +POST /order");
        assertThat(cli.err.toString()).isEmpty();
    }

    @Test
    void findsARequestByItsTraceId() {
        int code = cli.run("journal", dir.toString(), "--trace", "000000000000002A0000000000000ABC");

        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString().strip())
                .isEqualTo("#42  2026-11-21T09:00:00.420Z  GET /quote  http_5xx  status 503  latency 500.000 ms"
                        + "  send lag 0.020 ms  1,042 bytes  trace 000000000000002a0000000000000abc");
    }

    @Test
    void anUnknownTraceIdExitsOneNamingTheJournal() {
        int code = cli.run("journal", dir.toString(), "--trace", "ffffffffffffffffffffffffffffffff");

        assertThat(code).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString())
                .contains("no request with trace id ffffffffffffffffffffffffffffffff in " + dir.resolve("journal"));
    }

    @Test
    void printsTheSlowestFromTheIntendedTimeSlowestFirst() {
        assertThat(cli.run("journal", dir.toString(), "--slowest", "3"))
                .as(cli.err.toString())
                .isZero();

        String[] lines = cli.out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("3 slowest (latency from the intended send time):");
        assertThat(lines[1]).startsWith("#42  ").contains("latency 500.000 ms");
        assertThat(lines[2]).startsWith("#9  ").contains("latency 10.000 ms");
        assertThat(lines[3]).startsWith("#19  ").contains("latency 10.000 ms");
        assertThat(lines).hasSize(4);
    }

    @Test
    void exportsEveryEntryAsCsv() throws Exception {
        Path csv = dir.resolve("entries.csv");

        assertThat(cli.run("journal", dir.toString(), "--csv", csv.toString()))
                .as(cli.err.toString())
                .isZero();

        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(101);
        assertThat(rows.get(0))
                .isEqualTo("index,intended_time,intended_ns,sent_ns,done_ns,latency_ns,send_lag_ns,endpoint,status,"
                        + "response_bytes,outcome,trace_id");
        assertThat(rows.get(8))
                .isEqualTo("7,2026-11-21T09:00:00.070Z,70000000,,78000000,8000000,,POST /order,0,1007,"
                        + "unsent_inflight_cap,00000000000000070000000000000abc");
        assertThat(cli.out.toString()).contains("wrote 100 entries to " + csv);
    }

    @Test
    void aMissingJournalIsARunFailureNamingThePath() {
        Path empty = dir.resolve("no-such-run");

        assertThat(cli.run("journal", empty.toString())).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString()).contains("stampede: error: no result journal at " + empty.resolve("journal"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(cli.run("journal", dir.toString(), "--trace", "xyz")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("--trace: a trace id is 32 hex digits, got 'xyz'");
        assertThat(cli.run("journal", dir.toString(), "--slowest", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("--slowest must be at least 1");
    }
}
