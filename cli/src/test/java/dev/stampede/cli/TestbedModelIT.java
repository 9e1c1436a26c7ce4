package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.model.BehaviourModel;
import dev.stampede.model.ModelFiles;
import dev.stampede.model.Transition;
import dev.stampede.model.stats.FittedDistribution;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model of the testbed's simulated users against their configuration (the ground truth): the
 * behaviour file's transitions, think-time families and means are recovered, the fidelity check
 * passes the goals, and no user name, password or session token appears in any output file.
 */
@Tag("slow")
@Timeout(240)
class TestbedModelIT {

    /** The behaviour file's actions as endpoints of the testbed's API. */
    private static final Map<String, String> ENDPOINTS = Map.of(
            "login", "POST /api/login",
            "quote", "GET /api/quote/{code}",
            "kline", "GET /api/kline/{code}?period",
            "order", "POST /api/order",
            "orderStatus", "GET /api/order/{id}",
            "cancel", "DELETE /api/order/{id}",
            "balance", "GET /api/account/balance",
            "positions", "GET /api/account/positions",
            "ipo", "POST /api/ipo/subscribe");

    @TempDir
    static Path dir;

    private static Path log;
    private static Path modelDir;
    private static BehaviourModel model;
    private static JsonNode truth;
    private static JsonNode fidelity;
    private static String output;

    @BeforeAll
    static void simulateParseAndModel() throws Exception {
        log = dir.resolve("peak.log");
        Path store = dir.resolve("store");
        modelDir = dir.resolve("model");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int simulated = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
                .execute(
                        "testbed",
                        "--port",
                        "0",
                        "--simulate-users",
                        "700",
                        "--duration",
                        "40s",
                        "--log",
                        log.toString());
        assertThat(simulated).as(err.toString()).isZero();
        int parsed = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
                .execute("parse", "--format", "stampede", log.toString(), "-o", store.toString());
        assertThat(parsed).as(err.toString()).isZero();
        StringWriter modelOut = new StringWriter();
        int modelled = Cli.create(new PrintWriter(modelOut, true), new PrintWriter(err, true), false)
                .execute(
                        "model",
                        store.toString(),
                        "-o",
                        modelDir.toString(),
                        "--session-key",
                        "cookie:SESSION,field:upstream_cookie_SESSION",
                        "--check");
        output = modelOut.toString();
        assertThat(modelled).as(output + err).isZero();
        model = ModelFiles.read(modelDir);
        truth = new ObjectMapper()
                .readTree(log.resolveSibling("peak.log.truth.json").toFile());
        fidelity = new ObjectMapper().readTree(modelDir.resolve("fidelity.json").toFile());
    }

    @Test
    void fidelityMeetsTheGoals() {
        assertThat(fidelity.get("coverage").asDouble()).isGreaterThanOrEqualTo(0.99);
        assertThat(fidelity.get("mixDistance").asDouble()).isLessThan(0.01);
        assertThat(output).contains("fidelity: coverage").contains("passed");
    }

    @Test
    void everySessionStartsWithALoginAndTransitionsMatchWhatUsersDid() {
        assertThat(model.sessions().entry()).containsOnlyKeys("POST /api/login");
        assertThat(model.sessions().keyMissing()).isZero();
        assertThat(model.sessions().sessions())
                .isEqualTo(truth.get("realized").get("sessions").asLong());
        JsonNode realized = truth.get("realized").get("transitions");
        for (String from : List.of("login", "quote", "kline", "order")) {
            JsonNode targets = realized.get(from);
            long total = 0;
            for (JsonNode count : targets) {
                total += count.asLong();
            }
            for (Map.Entry<String, JsonNode> target : iterable(targets.fields())) {
                double expected = target.getValue().asDouble() / total;
                String to = target.getKey().equals("exit") ? Transition.EXIT : ENDPOINTS.get(target.getKey());
                double actual = model.sessions().transitions().stream()
                        .filter(t -> t.from().equals(ENDPOINTS.get(from)) && t.to().equals(to))
                        .mapToDouble(Transition::probability)
                        .sum();
                // Sessions cut by the end of the run end without the user's exit: a small, known bias.
                assertThat(actual).as(from + " -> " + target.getKey()).isCloseTo(expected, within(0.03));
            }
        }
    }

    @Test
    void configuredThinkTimesAreRecovered() {
        JsonNode think = truth.get("behaviour").get("thinkTime");
        for (String from : List.of("login", "quote", "kline", "order")) {
            Transition busiest = model.sessions().transitions().stream()
                    .filter(t -> t.from().equals(ENDPOINTS.get(from)) && t.thinkSeconds() != null)
                    .max(Comparator.comparingLong(Transition::count))
                    .orElseThrow();
            JsonNode configured = think.get(from);
            double mean = configured.get("meanSeconds").asDouble();
            // The gap between request starts is think time plus the previous response time (milliseconds here).
            assertThat(busiest.thinkSeconds().mean())
                    .as(from + " think time mean, fitted on " + busiest.count())
                    .isCloseTo(mean, within(mean * 0.15));
            String family = switch (configured.get("type").asText()) {
                case "lognormal" -> "LogNormal";
                case "exponential" -> "Exponential";
                case "gamma" -> "Gamma";
                default -> throw new AssertionError(configured);
            };
            FittedDistribution fitted = busiest.thinkSeconds();
            // Starts are logged to the millisecond, so an exponential with a mean near a second leaves a
            // few gaps of 0 ms, which a zero-inflated fit may describe best: its positive part must be
            // the configured family, and the zeros a sliver.
            if (fitted instanceof FittedDistribution.ZeroInflated zeros) {
                assertThat(zeros.zeroProbability())
                        .as(from + " zero think times")
                        .isLessThan(0.01);
                fitted = zeros.positive();
            }
            assertThat(fitted.getClass().getSimpleName())
                    .as(from + " think time family (" + busiest.fit() + ")")
                    .isEqualTo(family);
        }
    }

    @Test
    void noUserNamePasswordOrSessionTokenIsWrittenInClear() throws Exception {
        Set<String> secrets = new HashSet<>();
        Matcher login = Pattern.compile(
                        "\\\\x22user\\\\x22:\\\\x22([^\\\\]+)\\\\x22,\\\\x22password\\\\x22:\\\\x22([^\\\\]+)\\\\x22")
                .matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        while (login.find()) {
            secrets.add(login.group(1));
            secrets.add(login.group(2));
        }
        Matcher session =
                Pattern.compile("\"([0-9a-f]{32})\"").matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        while (session.find()) {
            secrets.add(session.group(1));
        }
        assertThat(secrets).hasSizeGreaterThan(100);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(modelDir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains("model.json", "fidelity.json", "index.csv");
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertThat(text).as(file + " holds " + secret).doesNotContain(secret);
            }
        }
        assertThat(Files.readString(modelDir.resolve("model.json"), StandardCharsets.UTF_8))
                .contains("tok_user_");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
