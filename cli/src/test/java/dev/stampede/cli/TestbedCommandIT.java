package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code stampede testbed} as a user runs it, from the packaged jar. Bounded: seconds, loopback only. */
@Tag("slow")
@Timeout(120)
class TestbedCommandIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void simulatedUsersWriteTheAccessLogAndTheGroundTruth() throws Exception {
        Path log = dir.resolve("peak.log");
        Path accounts = dir.resolve("accounts.csv");
        ProcessRun run = ProcessRun.of(
                dir,
                java.util.Map.of(),
                command(
                        "testbed",
                        "--port",
                        "0",
                        "--accounts",
                        "200",
                        "--simulate-users",
                        "40",
                        "--duration",
                        "3s",
                        "--log",
                        log.toString(),
                        "--accounts-out",
                        accounts.toString()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("testbed: simulating 40 users for 3s").contains("ground truth:");
        long lines = Files.readAllLines(log).size();
        assertThat(lines).isPositive();
        JsonNode truth = new ObjectMapper()
                .readTree(log.resolveSibling("peak.log.truth.json").toFile());
        assertThat(truth.get("version").asInt()).isEqualTo(1);
        assertThat(truth.get("users").asInt()).isEqualTo(40);
        assertThat(truth.get("realized").get("accessLogLines").asLong()).isEqualTo(lines);
        assertThat(truth.get("realized").get("requests").asLong()).isEqualTo(lines);
        assertThat(truth.get("behaviour").get("transitions").has("quote")).isTrue();
        assertThat(Files.readAllLines(accounts)).hasSize(201).first().isEqualTo("user,password,account_id");
    }

    @Test
    void foregroundChainServesUntilTerminated() throws Exception {
        Process process = new ProcessBuilder(command("testbed", "--port", "0"))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("testbed: running")) {
                lines.add(line);
            }
            assertThat(line).as("started: %s", lines).isNotNull();
            Matcher lb = Pattern.compile("load balancer (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(lines.get(0));
            assertThat(lb.find()).as(lines.get(0)).isTrue();

            HttpResponse<String> quote = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(lb.group(1) + "/api/quote/600519"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(quote.statusCode()).as("no session").isEqualTo(401);

            // SIGTERM, as a service manager would stop it (Process.destroy() would also close our pipes).
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid()))
                            .start()
                            .waitFor())
                    .isZero();
            List<String> rest = new ArrayList<>();
            while ((line = output.readLine()) != null) {
                rest.add(line);
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(rest).containsExactly("testbed: stopping");
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessRun.javaExecutable(),
                "@" + TARGET.resolve("stampede.jvm-args"),
                "-jar",
                TARGET.resolve("stampede.jar").toString()));
        command.addAll(List.of(args));
        return command;
    }
}
