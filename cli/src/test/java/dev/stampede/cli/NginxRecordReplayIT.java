package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.Testbed;
import dev.stampede.testbed.TestbedSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record and replay through a real nginx as the load balancer in front of the testbed: sessions
 * generated from a testbed recording's model go through nginx unmarked (the "production" traffic),
 * nginx's own access log (a custom {@code log_format} with {@code $request_time},
 * {@code $upstream_response_time} and the session cookie) is parsed line for line with that same
 * format, modelled, and replayed through nginx marked: the replayed endpoint mix matches the recorded
 * one (total variation distance under 2%), the marked writes reach the trading core's shadow store
 * and none reaches the live store. Skipped when no {@code nginx} binary is installed ({@code .ci/run}
 * installs Debian's).
 */
@Tag("slow")
@Timeout(240)
class NginxRecordReplayIT {

    /** The testbed's own log_format (README, "The access log"): nginx writes it for real here. */
    private static final String LOG_FORMAT = "$remote_addr - $remote_user [$time_local] \"$request\" $status"
            + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $msec $request_time"
            + " $upstream_response_time $upstream_addr \"$cookie_SESSION\" \"$upstream_cookie_SESSION\""
            + " \"$http_x_stampede_test\" \"$http_traceparent\" \"$request_body\"";

    /** A logged request line's method and path as the endpoint a replay counts it under. */
    private static final List<Map.Entry<Pattern, String>> ENDPOINTS = List.of(
            Map.entry(Pattern.compile("GET /api/quote/[^/?]+"), "GET /api/quote/{code}"),
            Map.entry(Pattern.compile("GET /api/kline/[^/?]+\\?period=.*"), "GET /api/kline/{code}?period"),
            Map.entry(Pattern.compile("GET /api/order/[^/?]+"), "GET /api/order/{id}"),
            Map.entry(Pattern.compile("DELETE /api/order/[^/?]+"), "DELETE /api/order/{id}"));

    private static final Pattern REQUEST = Pattern.compile("\"([A-Z]+) (\\S+) HTTP/[0-9.]+\"");

    @TempDir
    Path dir;

    @Test
    void nginxsOwnLogReplaysWithTheRecordedMixAndMarkedWritesOnlyInTheShadowStore() throws Exception {
        Path nginxBinary = findNginx().orElse(null);
        Assumptions.assumeTrue(
                nginxBinary != null, "no nginx binary (/usr/sbin/nginx or on PATH): .ci/run installs Debian's nginx");

        // A short testbed recording and its model: the sessions to drive through nginx.
        Path testbedLog = dir.resolve("testbed.log");
        Path accounts = dir.resolve("accounts.csv");
        cli(
                "testbed",
                "--port",
                "0",
                "--simulate-users",
                "120",
                "--duration",
                "10s",
                "--log",
                testbedLog.toString(),
                "--accounts-out",
                accounts.toString());
        Path testbedStore = dir.resolve("testbed-store");
        cli("parse", "--format", "stampede", testbedLog.toString(), "-o", testbedStore.toString());
        Path testbedModel = dir.resolve("testbed-model");
        cli(
                "model",
                testbedStore.toString(),
                "-o",
                testbedModel.toString(),
                "--session-key",
                "cookie:SESSION,field:upstream_cookie_SESSION");

        try (Testbed testbed = Testbed.start(TestbedSettings.defaults().withLbPort(0), NanoClock.system())) {
            Path nginxDir = Files.createDirectories(dir.resolve("nginx"));
            Path accessLog = nginxDir.resolve("access.log");
            int port = freePort();
            Process nginx = startNginx(nginxBinary, nginxDir, port, URI.create(testbed.url()), accessLog);
            try {
                String target = "http://127.0.0.1:" + port;

                // 1. "Production" traffic through nginx: unmarked sessions generated from the model.
                String generated = cli(
                        "run",
                        "--target",
                        target,
                        "--model",
                        testbedModel.toString(),
                        "--rate",
                        "150",
                        "--duration",
                        "8s",
                        "--test-accounts",
                        accounts.toString(),
                        "--no-mark",
                        "-o",
                        dir.resolve("generated").toString());
                JsonNode generatedRun = readJson(dir.resolve("generated").resolve("run.json"));
                long generatedRequests =
                        generatedRun.get("totals").get("scheduled").asLong();
                assertThat(generatedRequests).as(generated).isGreaterThan(200);

                // 2. nginx's own log, parsed with the log_format nginx wrote it in: every line.
                Path recordedLog = dir.resolve("recorded.log");
                Files.copy(accessLog, recordedLog);
                long lines;
                try (Stream<String> all = Files.lines(recordedLog, StandardCharsets.UTF_8)) {
                    lines = all.count();
                }
                Path store = dir.resolve("nginx-store");
                cli("parse", "--format", "nginx:'" + LOG_FORMAT + "'", recordedLog.toString(), "-o", store.toString());
                JsonNode parsed = readJson(store.resolve("summary.json"));
                assertThat(parsed.get("rejected").asLong())
                        .as(parsed.toString())
                        .isZero();
                assertThat(parsed.get("parsed").asLong()).isEqualTo(lines);
                assertThat((double) lines)
                        .as("one line per request sent through nginx")
                        .isCloseTo(generatedRequests, org.assertj.core.data.Percentage.withPercentage(1));
                Path model = dir.resolve("nginx-model");
                String modelled = cli(
                        "model",
                        store.toString(),
                        "-o",
                        model.toString(),
                        "--session-key",
                        "cookie:SESSION,field:upstream_cookie_SESSION");
                assertThat(model.resolve("model.json")).as(modelled).exists();
                Map<String, Long> recorded = endpointsOf(recordedLog);

                // 3. The recording replayed through nginx, marked (the default).
                long liveWritesBefore = testbed.core().live().writes();
                assertThat(liveWritesBefore)
                        .as("the unmarked traffic wrote live")
                        .isPositive();
                Path result = dir.resolve("replay");
                String replayed = cli(
                        "run",
                        "--target",
                        target,
                        "--replay",
                        store.toString(),
                        "--speed",
                        "2",
                        "-o",
                        result.toString());
                JsonNode run = readJson(result.resolve("run.json"));
                Map<String, Long> sent = new HashMap<>();
                long ordersOk = 0;
                for (JsonNode endpoint : run.get("endpoints")) {
                    String name = endpoint.get("name").asText();
                    sent.put(name, endpoint.get("totals").get("scheduled").asLong());
                    if (name.equals("POST /api/order")) {
                        ordersOk = endpoint.get("totals")
                                .get("byOutcome")
                                .get("ok")
                                .asLong();
                    }
                }
                double tvd = totalVariationDistance(recorded, sent);
                System.out.printf(
                        Locale.ROOT,
                        "nginx record-replay: %d generated, %d lines in nginx's log, %d parsed, replayed %d,"
                                + " TVD %.5f, shadow orders %d, live writes %d%n",
                        generatedRequests,
                        lines,
                        parsed.get("parsed").asLong(),
                        run.get("totals").get("scheduled").asLong(),
                        tvd,
                        testbed.core().shadow().counts().get("orders"),
                        liveWritesBefore);
                assertThat(tvd)
                        .as("recorded " + recorded + " replayed " + sent + "\n" + replayed)
                        .isLessThan(0.02);
                assertThat(ordersOk).as(replayed).isPositive();
                assertThat(testbed.core().shadow().counts().get("orders")).isEqualTo(ordersOk);
                assertThat(testbed.core().live().writes()).isEqualTo(liveWritesBefore);
            } finally {
                nginx.destroy();
                if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                    nginx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static Optional<Path> findNginx() {
        Path sbin = Path.of("/usr/sbin/nginx");
        if (Files.isExecutable(sbin)) {
            return Optional.of(sbin);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, "nginx"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** nginx in the foreground, everything it writes under {@code nginxDir}, proxying to the testbed. */
    private static Process startNginx(Path binary, Path nginxDir, int port, URI upstream, Path accessLog)
            throws IOException {
        String d = nginxDir.toAbsolutePath().toString();
        String conf = String.format(
                Locale.ROOT,
                """
                %s
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 4096; }
                http {
                  client_body_temp_path %s/client_body;
                  proxy_temp_path %s/proxy;
                  fastcgi_temp_path %s/fastcgi;
                  uwsgi_temp_path %s/uwsgi;
                  scgi_temp_path %s/scgi;
                  log_format stampede '%s';
                  access_log %s stampede;
                  keepalive_requests 100000;
                  upstream testbed {
                    server %s:%d;
                    keepalive 64;
                  }
                  server {
                    listen 127.0.0.1:%d;
                    location / {
                      proxy_pass http://testbed;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                    }
                  }
                }
                """,
                "root".equals(System.getProperty("user.name")) ? "user root;" : "",
                d,
                d,
                d,
                d,
                d,
                d,
                d,
                LOG_FORMAT,
                accessLog.toAbsolutePath(),
                upstream.getHost(),
                upstream.getPort(),
                port);
        Path confFile = Files.writeString(nginxDir.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
        Process nginx = new ProcessBuilder(
                        binary.toString(),
                        "-p",
                        d,
                        "-e",
                        d + "/error.log",
                        "-c",
                        confFile.toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(nginxDir.resolve("nginx.out").toFile())
                .start();
        NanoClock clock = NanoClock.system();
        long deadline = clock.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return nginx;
            } catch (IOException notYet) {
                if (!nginx.isAlive() || clock.nanoTime() > deadline) {
                    nginx.destroyForcibly();
                    throw new AssertionError("nginx did not start listening on " + port + ": "
                            + Files.readString(nginxDir.resolve("nginx.out"), StandardCharsets.UTF_8));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    /** Requests per replay endpoint name, counted from the access log's request lines. */
    private static Map<String, Long> endpointsOf(Path log) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher request = REQUEST.matcher(line);
            assertThat(request.find()).as(line).isTrue();
            String endpoint = request.group(1) + " " + request.group(2);
            for (Map.Entry<Pattern, String> template : ENDPOINTS) {
                if (template.getKey().matcher(endpoint).matches()) {
                    endpoint = template.getValue();
                    break;
                }
            }
            counts.merge(endpoint, 1L, Long::sum);
        }
        return counts;
    }

    /** Half the sum of the absolute differences of the per-endpoint shares. */
    private static double totalVariationDistance(Map<String, Long> a, Map<String, Long> b) {
        double totalA = a.values().stream().mapToLong(Long::longValue).sum();
        double totalB = b.values().stream().mapToLong(Long::longValue).sum();
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        double sum = 0;
        for (String name : names) {
            sum += Math.abs(a.getOrDefault(name, 0L) / totalA - b.getOrDefault(name, 0L) / totalB);
        }
        return sum / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
                .execute(args);
        assertThat(exit).as(String.join(" ", args) + "\n" + out + err).isZero();
        return out.toString();
    }
}
