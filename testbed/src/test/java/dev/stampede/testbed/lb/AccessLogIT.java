package dev.stampede.testbed.lb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.Testbed;
import dev.stampede.testbed.TestbedSettings;
import dev.stampede.testbed.users.Behaviour;
import dev.stampede.testbed.users.SimulationStats;
import dev.stampede.testbed.users.UserSimulation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log the LB writes under real simulated traffic: one line per answered request, every line
 * in the documented nginx format (checked by a matcher built from the format string independently of
 * the writer), with the session key and request time on every line. Bounded: a few seconds, loopback.
 */
@Tag("slow")
@Timeout(120)
class AccessLogIT {

    @TempDir
    Path dir;

    @Test
    void everyLineFollowsTheDocumentedFormatAndCarriesSessionAndTiming() throws Exception {
        Path log = dir.resolve("access.log");
        Run run = simulate(TestbedSettings.defaults().withAccounts(100, 5L).withAccessLog(log, null), false);

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(run.stats.transportFailures()).isZero();
        assertThat(lines).hasSize((int) run.stats.requests()).hasSizeGreaterThan(500);

        NginxLineMatcher matcher = NginxLineMatcher.forFormat(NginxLogFormat.STAMPEDE);
        Map<String, Integer> methods = new HashMap<>();
        for (String line : lines) {
            Map<String, String> v = matcher.match(line);
            boolean hasSession = !v.get("cookie_SESSION").equals("-")
                    || !v.get("upstream_cookie_SESSION").equals("-");
            assertThat(hasSession).as("session key on: %s", line).isTrue();
            assertThat(v.get("request_time")).as(line).matches("\\d+\\.\\d{3}");
            assertThat(v.get("upstream_response_time")).as(line).matches("\\d+\\.\\d{3}");
            assertThat(v.get("upstream_addr")).as(line).startsWith("127.0.0.1:");
            assertThat(v.get("remote_addr")).as(line).startsWith("127.10.");
            assertThat(v.get("http_user_agent")).as(line).startsWith("StockApp/");
            assertThat(v.get("http_x_stampede_test")).as(line).isEqualTo("-");
            methods.merge(v.get("request").substring(0, v.get("request").indexOf(' ')), 1, Integer::sum);
            if (v.get("request").startsWith("POST /api/order ")) {
                assertThat(v.get("request_body")).as(line).startsWith("{\\x22code\\x22:");
            }
        }
        assertThat(methods).containsKeys("GET", "POST");
    }

    @Test
    void markedUsersAreMarkedOnEveryLineAndWriteOnlyToTheShadowStore() throws Exception {
        Path log = dir.resolve("marked.log");
        Run run = simulate(TestbedSettings.defaults().withAccounts(100, 5L).withAccessLog(log, null), true);

        NginxLineMatcher matcher = NginxLineMatcher.forFormat(NginxLogFormat.STAMPEDE);
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            assertThat(matcher.match(line).get("http_x_stampede_test")).as(line).isEqualTo("1");
        }
        assertThat(run.shadowWrites).isPositive();
        assertThat(run.liveWrites).isZero();
    }

    @Test
    void usersFollowTheBehavioursTransitions() throws Exception {
        Run run = simulate(TestbedSettings.defaults().withAccounts(100, 5L), false);
        // The kline row is not changed by the IPO burst, so its realized mix should match the file's.
        Map<String, Long> row = run.stats.transitions().get("kline");
        long total = row.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> expected = Map.of("quote", 0.40, "kline", 0.20, "order", 0.15, "exit", 0.25);
        double distance = 0;
        for (String to : expected.keySet()) {
            distance += Math.abs(row.getOrDefault(to, 0L) / (double) total - expected.get(to));
        }
        assertThat(total).isGreaterThan(200);
        assertThat(distance / 2)
                .as("total variation distance of the kline row, %d transitions: %s", total, row)
                .isLessThan(0.1);
    }

    private record Run(SimulationStats stats, long liveWrites, long shadowWrites) {}

    /** 60 users for 4 s with think and away times cut to tens of milliseconds, so the run is short but busy. */
    private static Run simulate(TestbedSettings settings, boolean marked) throws Exception {
        try (Testbed testbed = Testbed.start(settings, NanoClock.system())) {
            URI lb = URI.create(testbed.url());
            UserSimulation.Plan plan = new UserSimulation.Plan(
                    new InetSocketAddress(lb.getHost(), lb.getPort()),
                    60,
                    Duration.ofSeconds(4),
                    fastBehaviour(),
                    testbed.accounts(),
                    3L,
                    marked ? settings.testMark().name() : null,
                    settings.testMark().value());
            PrintStream quiet = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            SimulationStats stats = new UserSimulation(NanoClock.system(), quiet).run(plan);
            long live = testbed.core().live().writes();
            long shadow = testbed.core().shadow().writes();
            testbed.close();
            return new Run(stats, live, shadow);
        }
    }

    private static Behaviour fastBehaviour() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode behaviour;
        try (InputStream in =
                Behaviour.class.getResourceAsStream("/dev/stampede/testbed/users/default-behaviour.json")) {
            behaviour = (ObjectNode) json.readTree(in);
        }
        ObjectNode fast = json.createObjectNode().put("type", "exponential").put("meanSeconds", 0.03);
        behaviour.putObject("thinkTime").set("default", fast);
        behaviour.set("awayTime", fast);
        return Behaviour.parse(json.writeValueAsBytes(behaviour), "fast-behaviour.json");
    }
}
