package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.store.RecordStoreReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testbed's access log read back by the parser with the same format string: every line parsed,
 * nothing rejected, and the store agrees with the simulation's ground truth.
 */
@Tag("slow")
@Timeout(120)
class TestbedLogParseIT {

    @TempDir
    Path dir;

    @Test
    void theParserReadsEveryLineTheTestbedWrote() throws Exception {
        Path log = dir.resolve("peak.log");
        Path store = dir.resolve("store");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int simulated = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
                .execute(
                        "testbed",
                        "--port",
                        "0",
                        "--accounts",
                        "200",
                        "--simulate-users",
                        "60",
                        "--duration",
                        "4s",
                        "--log",
                        log.toString());
        assertThat(simulated).as(err.toString()).isZero();
        int parsed = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
                .execute("parse", "--format", "stampede", log.toString(), "-o", store.toString());
        assertThat(parsed).as(err.toString()).isZero();

        JsonNode truth = new ObjectMapper()
                .readTree(log.resolveSibling("peak.log.truth.json").toFile());
        JsonNode summary =
                new ObjectMapper().readTree(store.resolve("summary.json").toFile());
        long requests = truth.get("realized").get("requests").asLong();
        assertThat(requests).isPositive();
        assertThat(summary.get("linesRead").asLong()).isEqualTo(requests);
        assertThat(summary.get("parsed").asLong()).isEqualTo(requests);
        assertThat(summary.get("rejected").asLong()).isZero();

        Map<String, Long> byEndpoint = new HashMap<>();
        long withSessionKey = 0;
        long records = 0;
        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            RequestRecord record = new RequestRecord();
            long previous = Long.MIN_VALUE;
            while (reader.next(record)) {
                records++;
                assertThat(record.startMicros()).isGreaterThanOrEqualTo(previous);
                previous = record.startMicros();
                byEndpoint.merge(
                        record.method() + " " + record.path().replaceAll("/[^/]*\\d[^/]*$", "/{x}"), 1L, Long::sum);
                if (record.cookies().containsKey("SESSION") || record.extras().containsKey("upstream_cookie_SESSION")) {
                    withSessionKey++;
                }
                assertThat(record.requestTimeMicros()).isNotNegative();
                assertThat(record.clientAddress()).startsWith("127.10.");
            }
        }
        assertThat(records).isEqualTo(requests);
        assertThat(withSessionKey).as("every request carries its session key").isEqualTo(requests);
        JsonNode byAction = truth.get("realized").get("requestsByAction");
        assertThat(byEndpoint.get("POST /api/login"))
                .isEqualTo(byAction.get("login").asLong());
        assertThat(byEndpoint.getOrDefault("POST /api/order", 0L))
                .isEqualTo(byAction.path("order").asLong(0));
        assertThat(byEndpoint.getOrDefault("GET /api/account/balance", 0L))
                .isEqualTo(byAction.path("balance").asLong(0));
    }
}
