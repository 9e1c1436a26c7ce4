package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.Testbed;
import dev.stampede.testbed.TestbedSettings;
import dev.stampede.testbed.data.Account;
import dev.stampede.testbed.gateway.Gateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity search against the testbed: orders placed by a logged-in user at rising rates until the
 * trading core (configured for 300 orders a second, 8 workers, a short queue) cannot keep up; the
 * reported maximum sustainable rate is within 10% of the configured capacity, and capacity.json holds
 * the step table.
 */
@Tag("slow")
@Timeout(240)
class CapacitySearchIT {

    private static final int CORE_CAPACITY = 300;

    @TempDir
    Path dir;

    @Test
    void findsTheTradingCoresConfiguredCapacityWithinTenPercent() throws Exception {
        TestbedSettings settings =
                TestbedSettings.defaults().withLbPort(0).withCore(CORE_CAPACITY, 8, 0, "lognormal:0.5");
        try (Testbed testbed = Testbed.start(settings, NanoClock.system())) {
            String session = login(testbed);
            Path scenario = Files.writeString(
                    dir.resolve("capacity.yaml"),
                    String.format(java.util.Locale.ROOT, """
                    name: capacity-search-it
                    target: %s
                    duration: 150s
                    interval: 500ms
                    timeout: 2s
                    source:
                      url:
                        method: POST
                        path: /api/order
                        headers: {Cookie: "%s=%s", Content-Type: application/json}
                        body: '{"code":"600519","side":"BUY","price":1688.00,"qty":100}'
                    guards:
                      - {name: p99, metric: latency, percentile: 99, above: 250ms, window: 2s}
                      - {name: errors, metric: errorRatio, above: 1%%, window: 2s}
                    capacity:
                      from: 100
                      step: 100
                      stepFor: 4s
                      settle: 1500ms
                      upTo: 800
                      resolution: 4%%
                      confirmFor: 6s
                      slo: [p99, errors]
                    """, testbed.url(), Gateway.SESSION_COOKIE, session),
                    StandardCharsets.UTF_8);
            Path result = dir.resolve("result");
            String output =
                    cli("run", scenario.toString(), "--no-warmup", "--control-port", "0", "-o", result.toString());

            JsonNode capacity =
                    new ObjectMapper().readTree(result.resolve("capacity.json").toFile());
            assertThat(capacity.get("outcome").asText()).as(output).isEqualTo("kneeFound");
            double found = capacity.get("maxSustainableRate").asDouble();
            assertThat(found).as(output).isBetween(CORE_CAPACITY * 0.9, CORE_CAPACITY * 1.1);
            assertThat(capacity.get("steps").size()).isGreaterThanOrEqualTo(4);
            assertThat(output).contains("capacity search: ", "step table: " + result.resolve("capacity.json"));
            JsonNode run =
                    new ObjectMapper().readTree(result.resolve("run.json").toFile());
            assertThat(run.get("events").toString()).contains("capacity search: rate");
        }
    }

    /** Logs the testbed's first account in; returns its session token. */
    private static String login(Testbed testbed) throws Exception {
        Account account = testbed.accounts().get(0);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(testbed.url() + "/api/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"user\":\"" + account.user() + "\",\"password\":\"" + account.password()
                                                + "\"}",
                                        StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("token").asText();
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
                .execute(args);
        assertThat(exit).as(String.join(" ", args) + "\n" + out + err).isZero();
        return out.toString() + err;
    }
}
