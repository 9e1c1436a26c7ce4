package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RunCommandTest {

    private final CapturedCli cli = new CapturedCli();

    @TempDir
    Path dir;

    @Test
    void loadsOneUrlAtItsRateAndWritesTheResults() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            String url = "http://127.0.0.1:" + server.port() + "/api/quote/600519?fields=px";
            Path results = dir.resolve("results");

            int code = cli.run(
                    "run",
                    "--target",
                    url,
                    "--rate",
                    "200",
                    "--duration",
                    "2s",
                    "--connections",
                    "8",
                    "-o",
                    results.toString());

            assertThat(code).as(cli.toString()).isZero();
            assertThat(cli.out.toString())
                    .contains("running " + url + " at 200 req/s for 2s")
                    .contains("400 requests scheduled, 400 ended: ok 400")
                    .contains("latency from the intended send time: p50")
                    .contains("results: " + results);
            assertThat(cli.err.toString()).contains("[   1s/2s] ", " req/s (target 200 req/s)  in flight ", "  p50 ");
            JsonNode json =
                    new ObjectMapper().readTree(results.resolve("run.json").toFile());
            assertThat(json.toString()).contains("\"target\":\"" + url + "\"");
            assertThat(Files.readString(results.resolve("latency.hlog"), StandardCharsets.UTF_8))
                    .contains("GET%20/api/quote/600519?fields=px");
        }
    }

    @Test
    void theProtocolReachesTheClient() throws Exception {
        // h2c against an HTTP/1.1 server: no connection ever agrees, so every request fails to connect.
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            String url = "http://127.0.0.1:" + server.port() + "/x";
            int code = cli.run(
                    "run",
                    "--target",
                    url,
                    "--rate",
                    "20",
                    "--duration",
                    "1s",
                    "--protocol",
                    "h2c",
                    "--connections",
                    "2",
                    "-o",
                    dir.resolve("h2c").toString());
            assertThat(code).as(cli.toString()).isZero();
            assertThat(cli.out.toString())
                    .contains("protocol h2c")
                    .contains("20 requests scheduled, 20 ended: transport_connect 20");
        }
    }

    @Test
    void withoutARateItRunsFlatOutAndSaysSo() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            String url = "http://127.0.0.1:" + server.port() + "/flat?x=1";
            Path results = dir.resolve("results");

            int code = cli.run(
                    "run",
                    "--target",
                    url,
                    "--duration",
                    "1s",
                    "--connections",
                    "4",
                    "--no-warmup",
                    "-o",
                    results.toString());

            assertThat(code).as(cli.toString()).isZero();
            assertThat(cli.out.toString())
                    .contains("running " + url + " flat out for 1s: 4 connections")
                    .contains("flat out (closed loop): ")
                    .contains("req/s achieved")
                    .contains("latency from each request's release (flat out: the service time)")
                    .contains("generator: CPU ")
                    .doesNotContain("warmed up");
            JsonNode json =
                    new ObjectMapper().readTree(results.resolve("run.json").toFile());
            assertThat(json.get("mode").asText()).isEqualTo("flat-out");
            long scheduled = json.get("totals").get("scheduled").asLong();
            assertThat(scheduled).isPositive();
            assertThat(json.get("totals").get("byOutcome").get("ok").asLong()).isEqualTo(scheduled);
            assertThat(json.get("achievedRatePerSec").asDouble()).isPositive();
            assertThat(json.get("generator").get("ring").get("maxOccupied").asLong())
                    .isLessThanOrEqualTo(4);
        }
    }

    @Test
    void badOptionsFailBeforeAnythingIsSent() throws Exception {
        assertThat(usageError("run", "--target", "ftp://127.0.0.1/x", "--rate", "10", "--duration", "1s"))
                .contains("--target:")
                .contains("http:// or https://");
        assertThat(usageError("run", "--target", "127.0.0.1:80/x", "--rate", "10", "--duration", "1s"))
                .contains("--target:");
        assertThat(usageError("run", "--target", "http://127.0.0.1/x", "--rate", "0", "--duration", "1s"))
                .contains("--rate must be above 0 (leave it out");
        assertThat(usageError("run", "--target", "http://127.0.0.1/x", "--poisson", "--duration", "1s"))
                .contains("--poisson needs --rate");
        assertThat(usageError("run", "--target", "http://127.0.0.1/x", "--rate", "10"))
                .contains("--duration");
        assertThat(usageError(tenForASecond("http://127.0.0.1/x", "--protocol", "h3")))
                .contains("--protocol must be http1, h2 or h2c, got 'h3'");
        assertThat(usageError(tenForASecond("http://127.0.0.1/x", "--protocol", "h2")))
                .contains("--protocol: h2 needs an https:// target");
        assertThat(usageError(tenForASecond("https://127.0.0.1/x", "--protocol", "h2c")))
                .contains("--protocol: h2c is HTTP/2 without TLS and needs an http:// target");
        assertThat(usageError(tenForASecond("http://127.0.0.1/x", "--insecure")))
                .contains("--insecure: only for an https:// target");
        assertThat(usageError(tenForASecond("https://127.0.0.1/x", "--sni", "10.0.0.1")))
                .contains("--sni: SNI name '10.0.0.1' is an IP address");
        assertThat(usageError(tenForASecond("http://127.0.0.1/x", "--send-lag-threshold", "0s")))
                .contains("--send-lag-threshold: must be above 0, got 0s");
        assertThat(usageError(tenForASecond("http://127.0.0.1/x", "--send-lag-threshold", "1.5ms")))
                .contains("'1.5ms' is not a duration");
        assertThat(cli.out.toString()).doesNotContain("running");
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("run.json"), "{}", StandardCharsets.UTF_8);
        assertThat(cli.run(tenForASecond("http://127.0.0.1:9/x", "-o", used.toString())))
                .isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString()).contains(used + " is not empty; give a new directory for the results");
    }

    /** Runs {@code stampede ARGS}, which must fail as a usage error: what this run wrote to stderr. */
    private String usageError(String... args) {
        int before = cli.err.getBuffer().length();
        assertThat(cli.run(args)).as(cli.toString()).isEqualTo(ExitCode.USAGE);
        return cli.err.getBuffer().substring(before);
    }

    /** {@code run --target TARGET --rate 10 --duration 1s}, then {@code more}. */
    private static String[] tenForASecond(String target, String... more) {
        String[] head = {"run", "--target", target, "--rate", "10", "--duration", "1s"};
        String[] args = java.util.Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, args, head.length, more.length);
        return args;
    }

    @Test
    void aScenarioFileWithProblemsIsRefusedWholeBeforeAnythingIsSent() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            Path scenario = dir.resolve("daily.yaml");
            Files.writeString(
                    scenario,
                    "target: http://127.0.0.1:" + server.port() + "\n"
                            + "duration: 5x\n"
                            + "source:\n"
                            + "  url:\n"
                            + "    path: /api/quote/600519\n"
                            + "    rat: 100\n",
                    StandardCharsets.UTF_8);

            assertThat(cli.run(
                            "run", scenario.toString(), "-o", dir.resolve("r").toString()))
                    .isEqualTo(ExitCode.USAGE);

            assertThat(cli.err.toString())
                    .contains("daily.yaml:2:11: duration: '5x' is not a duration")
                    .contains("daily.yaml:6:5: source.url.rat: unknown key (did you mean rate?)");
            assertThat(server.requests()).isZero();
            assertThat(dir.resolve("r")).doesNotExist();
        }
    }

    @Test
    void aScenarioFileRunsAndFlagsOverrideIt() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            Path scenario = dir.resolve("quote.yaml");
            Files.writeString(
                    scenario,
                    "name: quote-check\n"
                            + "target: http://127.0.0.1:" + server.port() + "\n"
                            + "duration: 10s\n"
                            + "source:\n"
                            + "  url:\n"
                            + "    path: /api/quote/600519?fields=px\n"
                            + "    rate: 100\n",
                    StandardCharsets.UTF_8);
            Path results = dir.resolve("results");

            int code = cli.run(
                    "run",
                    scenario.toString(),
                    "--duration",
                    "1s",
                    "--rate",
                    "150",
                    "--send-lag-threshold",
                    "6400us",
                    "-o",
                    results.toString());

            assertThat(code).as(cli.toString()).isZero();
            assertThat(cli.out.toString())
                    .contains("150 requests scheduled, 150 ended: ok 150")
                    .contains("send-lag threshold 6400us: paced requests go out in release windows of 3200us");
            JsonNode json =
                    new ObjectMapper().readTree(results.resolve("run.json").toFile());
            assertThat(json.get("scenario").asText()).isEqualTo("quote-check");
            assertThat(json.findValue("thresholdNanos").asLong()).isEqualTo(6_400_000L);
            assertThat(server.requests()).isEqualTo(150);
        }
    }
}
