package dev.stampede.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @TempDir
    Path tmp;

    private ScenarioFiles files;

    @BeforeEach
    void files() {
        files = new ScenarioFiles(tmp);
    }

    private List<String> problems(String yaml) {
        return files.problems("daily.yaml", yaml);
    }

    @Test
    void everyFieldOfAGoldenFileBecomesTypedValues() throws ScenarioException {
        Path file = files.write("golden.yaml", """
                name: daily-replay
                target: https://127.0.0.1:8443/base
                protocol: h2
                insecure: true
                sni: trade.example.com
                duration: 1m30s
                connections: 128
                timeout: 750ms
                connectTimeout: 3s
                interval: 500ms
                sendLagThreshold: 250us
                source:
                  replay:
                    store: ./store
                    speed: 2.5
                    window: {from: 2026-11-20T09:30:00+08:00, to: 2026-11-20T09:35:00Z}
                    include: ["^GET /api/quote", "^POST /api/order"]
                    exclude: ["/static/"]
                    multipliers: {"^POST /api/order": 2.0, "^GET /api/news": 0}
                    loop: 3
                    amplify: 4
                    sessionKey: cookie:SESSION,field:upstream_cookie_SESSION
                    testAccounts: accounts.csv
                rewrite:
                  host: trade.internal
                  headers:
                    set: {X-Env: perf, X-Build: 42}
                    remove: [Authorization, Cookie]
                  pathPrefix:
                    - {from: /api, to: /v2/api}
                    - from: /
                      to: /root/
                marks:
                  test: {header: X-Load-Test, value: "yes"}
                  traceparent: false
                  baggage: {env: perf, team: trading}
                journal: true
                """);
        Scenario s = ScenarioLoader.load(file);

        assertThat(s.name()).isEqualTo("daily-replay");
        assertThat(s.target()).isEqualTo(URI.create("https://127.0.0.1:8443/base"));
        assertThat(s.protocol()).isEqualTo(Protocol.H2);
        assertThat(s.insecure()).isTrue();
        assertThat(s.sni()).isEqualTo("trade.example.com");
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.connections()).isEqualTo(128);
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.sendLagThreshold()).isEqualTo(Duration.ofNanos(250_000));
        assertThat(s.journal()).isTrue();

        ReplaySource r = (ReplaySource) s.source();
        assertThat(r.store()).isEqualTo(tmp.resolve("store")).isAbsolute();
        assertThat(r.speed()).isEqualTo(2.5);
        assertThat(r.window())
                .isEqualTo(new ReplayWindow.Between(
                        Instant.parse("2026-11-20T01:30:00Z"), Instant.parse("2026-11-20T09:35:00Z")));
        assertThat(r.include()).extracting(Pattern::pattern).containsExactly("^GET /api/quote", "^POST /api/order");
        assertThat(r.exclude()).extracting(Pattern::pattern).containsExactly("/static/");
        assertThat(r.multipliers())
                .extracting(m -> m.pattern().pattern())
                .containsExactly("^POST /api/order", "^GET /api/news");
        assertThat(r.multipliers()).extracting(Multiplier::factor).containsExactly(2.0, 0.0);
        assertThat(r.loops()).isEqualTo(3);
        assertThat(r.loopsForever()).isFalse();
        assertThat(r.amplify()).isEqualTo(4);
        assertThat(r.sessionKey()).hasToString("cookie:SESSION,field:upstream_cookie_SESSION");
        assertThat(r.testAccounts()).isEqualTo(tmp.resolve("accounts.csv"));

        assertThat(s.rewrite().host()).isEqualTo("trade.internal");
        assertThat(s.rewrite().setHeaders()).containsExactly(Map.entry("X-Env", "perf"), Map.entry("X-Build", "42"));
        assertThat(s.rewrite().removeHeaders()).containsExactly("Authorization", "Cookie");
        assertThat(s.rewrite().pathPrefixes())
                .containsExactly(new Rewrite.PathPrefix("/api", "/v2/api"), new Rewrite.PathPrefix("/", "/root/"));

        assertThat(s.marks().test()).isEqualTo(new Marks.TestMark("X-Load-Test", "yes"));
        assertThat(s.marks().traceparent()).isFalse();
        assertThat(s.marks().baggage()).containsExactly(Map.entry("env", "perf"), Map.entry("team", "trading"));
    }

    @Test
    void defaultsFillWhatTheFileLeavesOut() throws ScenarioException {
        Scenario s = ScenarioLoader.load(files.write("minimal.yaml", """
                target: http://127.0.0.1:8080
                source:
                  replay:
                    store: store
                """));
        assertThat(s.name()).isEqualTo("minimal");
        assertThat(s.protocol()).isEqualTo(Protocol.HTTP1);
        assertThat(s.insecure()).isFalse();
        assertThat(s.sni()).isNull();
        assertThat(s.duration()).as("a replay lasts as long as its store").isNull();
        assertThat(s.connections()).isEqualTo(64);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.sendLagThreshold()).isEqualTo(Duration.ofMillis(1));
        assertThat(s.rewrite()).isEqualTo(Rewrite.NONE);
        assertThat(s.marks()).isEqualTo(Marks.DEFAULT);
        assertThat(s.marks().test()).isEqualTo(new Marks.TestMark("X-Stampede-Test", "1"));
        assertThat(s.journal()).isFalse();
        ReplaySource r = (ReplaySource) s.source();
        assertThat(r.speed()).isEqualTo(1.0);
        assertThat(r.window()).isEqualTo(ReplayWindow.WHOLE);
        assertThat(r.include()).isEmpty();
        assertThat(r.multipliers()).isEmpty();
        assertThat(r.loops()).isEqualTo(1);
        assertThat(r.amplify()).isEqualTo(1);
        assertThat(r.sessionKey()).hasToString("ip+ua");
        assertThat(r.testAccounts()).isNull();
    }

    @Test
    void modelAndUrlSourcesWithTheirDefaults() throws ScenarioException {
        Scenario model = ScenarioLoader.load(files.write("model.yaml", """
                target: http://127.0.0.1:8080
                duration: 10s
                source:
                  model: {dir: model, rate: 5000}
                """));
        assertThat(model.source()).isEqualTo(new ModelSource(tmp.resolve("model"), 5000, Arrivals.POISSON, 1, null));

        Scenario url = ScenarioLoader.load(files.write("url.yaml", """
                target: http://127.0.0.1:8080
                duration: 10s
                source:
                  url: {path: /api/quote/600519}
                """));
        assertThat(url.source()).isEqualTo(UrlSource.get("/api/quote/600519"));
        assertThat(((UrlSource) url.source()).flatOut()).isTrue();
    }

    @Test
    void relativePathsStartAtTheScenarioFilesDirectoryNotTheWorkingDirectory() throws ScenarioException {
        ScenarioFiles nested = new ScenarioFiles(tmp.resolve("runs/daily"));
        Scenario s = ScenarioLoader.load(nested.write("s.yaml", """
                target: http://127.0.0.1:8080
                duration: 1m
                source:
                  replay:
                    store: ../daily/./store
                    window: peak
                    peakModel: model
                    loop: forever
                    testAccounts: ../../accounts.csv
                """));
        ReplaySource r = (ReplaySource) s.source();
        assertThat(r.store()).isEqualTo(tmp.resolve("runs/daily/store"));
        assertThat(r.window()).isEqualTo(new ReplayWindow.Peak(tmp.resolve("runs/daily/model")));
        assertThat(r.testAccounts()).isEqualTo(tmp.resolve("accounts.csv"));
        assertThat(r.loopsForever()).isTrue();
    }

    @Test
    void everyProblemIsReportedWithItsLineColumnAndField() {
        assertThat(problems("""
                        name: daily
                        target: ftp://127.0.0.1:8080
                        connections: 0
                        duration: 10
                        protocol: h3
                        source:
                          replay:
                            speed: -2
                            sped: 3
                            include: ["^GET /api/(quote"]
                            store: ./dayly
                            loop: 0
                            window: {from: 2026-11-20T09:30:00+08:00, to: 2026-11-20 09:35}
                        marks:
                          test: maybe
                          baggage: {stampede.run: x}
                        """))
                .containsExactly(
                        "2:9: target: must start with http:// or https://, got 'ftp://127.0.0.1:8080'",
                        "3:14: connections: must be from 1 to 65536, got 0",
                        "4:11: duration: has no unit, got 10 (expected e.g. 10s)",
                        "5:11: protocol: unknown value 'h3' (expected http1, h2 or h2c; did you mean h2?)",
                        "8:12: source.replay.speed: must be above 0, got -2",
                        "9:5: source.replay.sped: unknown key (did you mean speed?)",
                        "10:32: source.replay.include[0]: bad regex: Unclosed group (expected a Java regex on"
                                + " \"METHOD /path\")",
                        "11:12: source.replay.store: no such directory: " + tmp.resolve("dayly")
                                + " (expected a record store directory, as stampede parse -o writes it; relative"
                                + " paths start at the scenario file's directory)",
                        "12:11: source.replay.loop: must be 1 or more, got 0 (or forever)",
                        "13:61: source.replay.window.to: not a time, got '2026-11-20 09:35' (expected an ISO-8601"
                                + " time with offset, e.g. 2026-11-20T09:30:00+08:00)",
                        "15:9: marks.test: must be false (no test mark), true, or {header: NAME, value: VALUE}, got"
                                + " 'maybe'",
                        "16:13: marks.baggage[\"stampede.run\"]: stampede.run is set by Stampede itself (to the run"
                                + " id)");
    }

    @Test
    void aBadValueIsReportedOnceNotAlsoAsMissing() {
        assertThat(problems("""
                        target: "http://[::1"
                        duration: soon
                        source:
                          model: {dir: model, rate: fast}
                        """))
                .containsExactly(
                        "1:21: target: not a URL: Expected closing bracket for IPv6 address (expected e.g."
                                + " http://127.0.0.1:8080)",
                        "2:11: duration: 'soon' is not a duration (expected a duration such as 500ms, 10s, 2m, 1h"
                                + " or 1m30s)",
                        "4:29: source.model.rate: must be requests per second, above 0, got 'fast'");
    }

    @Test
    void missingRequiredFieldsPointAtTheEnclosingKey() {
        assertThat(problems("""
                        connections: 8
                        source:
                          model:
                            arrivals: uniform
                        """))
                .containsExactly(
                        "1:1: target: required: where requests go (e.g. target: http://127.0.0.1:8080)",
                        "1:1: duration: required for a model source (e.g. duration: 10m)",
                        "3:3: source.model.dir: required: the model directory (stampede model -o writes it)",
                        "3:3: source.model.rate: required: requests per second, e.g. rate: 5000");
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        source:
                          model: {dir: model, rate: 10}
                        """)).containsExactly("1:1: duration: required for a model source (e.g. duration: 10m)");
    }

    @Test
    void unknownKeysSuggestTheClosestKnownOne() {
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        duraton: 10s
                        Connections: 4
                        source:
                          replay: {store: store, windw: peak, speeed: 2}
                        colour: blue
                        speed: 2
                        rewrite:
                          headers: {sett: {A: b}}
                        """))
                .containsExactly(
                        "2:1: duraton: unknown key (did you mean duration?)",
                        "3:1: Connections: unknown key (did you mean connections?)",
                        "5:26: source.replay.windw: unknown key (did you mean window?)",
                        "5:39: source.replay.speeed: unknown key (did you mean speed?)",
                        "6:1: colour: unknown key (expected name, target, protocol, insecure, sni, duration,"
                                + " connections, timeout, connectTimeout, interval, sendLagThreshold, source, rewrite,"
                                + " marks, journal, load, guards, capacity, mode or allowlist)",
                        "7:1: speed: unknown key (speed belongs under source.replay)",
                        "9:13: rewrite.headers.sett: unknown key (did you mean set?)");
    }

    @Test
    void sourcesAreMutuallyExclusive() {
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        duration: 10s
                        source:
                          replay: {store: store}
                          url: {path: /}
                          model: {dir: model, rate: -1}
                        """))
                .containsExactly(
                        "5:3: source.url: only one of replay, model, url may be given (replay is given too)",
                        "6:3: source.model: only one of replay, model, url may be given (replay is given too)");
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        source: {}
                        """)).containsExactly("2:9: source: required: one of replay, model or url");
    }

    @Test
    void choicesThatDoNotGoTogether() {
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        protocol: h2
                        insecure: true
                        sni: trade.example.com
                        source:
                          replay:
                            store: store
                            peakModel: model
                            loop: forever
                        """))
                .containsExactly(
                        "1:1: duration: required when source.replay.loop is forever (e.g. duration: 1h)",
                        "2:11: protocol: h2 needs an https:// target (h2c is HTTP/2 without TLS)",
                        "3:11: insecure: only for an https:// target",
                        "4:6: sni: only for an https:// target",
                        "8:16: source.replay.peakModel: only with window: peak");
        assertThat(problems("""
                        target: https://trade.example.com
                        protocol: h2c
                        source:
                          replay: {store: store, window: peak}
                        """))
                .containsExactly(
                        "2:11: protocol: h2c is HTTP/2 without TLS and needs an http:// target (h2 is HTTP/2 over"
                                + " TLS)",
                        "4:34: source.replay.window: peak needs peakModel: the model directory whose peak window to"
                                + " replay");
    }

    @Test
    void filesThatMustExist() {
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        duration: 1s
                        source:
                          model: {dir: store, rate: 1, testAccounts: store}
                        """))
                .containsExactly(
                        "4:16: source.model.dir: no model.json in " + tmp.resolve("store")
                                + " (expected a model directory, as stampede model -o writes it)",
                        "4:46: source.model.testAccounts: not a file: " + tmp.resolve("store")
                                + " (expected a CSV of test accounts; relative paths start at the scenario file's"
                                + " directory)");
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        connections: "64"
                        journal: 1
                        interval: 50ms
                        duration: [10s]
                        source:
                          url:
                            path: api
                            rate: 0
                            headers: {X Bad: 1}
                            method: GE T
                        """))
                .containsExactly(
                        "2:14: connections: must be a whole number from 1 to 65536, got '64'",
                        "3:10: journal: must be true or false, got 1",
                        "4:11: interval: must be from 100ms to 60s, got 50ms",
                        "5:11: duration: must be a duration such as 500ms, 10s, 2m, 1h or 1m30s, got a list",
                        "8:11: source.url.path: must start with / and hold no spaces, got 'api'",
                        "9:11: source.url.rate: must be above 0, got 0 (leave rate out to send as fast as the"
                                + " connections allow)",
                        "10:15: source.url.headers[\"X Bad\"]: 'X Bad' is not a header name (expected letters,"
                                + " digits and -)",
                        "11:13: source.url.method: 'GE T' is not an HTTP method (expected e.g. GET or POST)");
    }

    @Test
    void brokenYamlIsReportedAtTheParsersLineAndColumn() {
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        source:
                          replay: {store: store
                        duration: 10s
                        """))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("4:9: YAML: expected ',' or '}', but got :"));
        assertThat(problems("target: http://127.0.0.1:8080\n  source: x\n"))
                .containsExactly("2:9: YAML: mapping values are not allowed here");
        assertThat(problems("a: 1\n---\nb: 2\n"))
                .containsExactly("3:1: YAML: a second document (a scenario file holds one; remove the ---)");
        assertThat(problems("")).containsExactly("1:1: the file is empty (expected a map with target and source)");
        assertThat(problems("- target\n"))
                .containsExactly("1:1: (top level): must be a map of keys such as target and source, got a list");
    }

    @Test
    void duplicateKeysAndAliasesAreRefused() {
        assertThat(problems("""
                        target: &t http://127.0.0.1:8080
                        duration: 10s
                        duration: 20s
                        sni: *t
                        source: {url: {path: /}}
                        """))
                .containsExactly(
                        "3:1: duration: duplicate key (first at line 2; give each key once)",
                        "4:6: sni: YAML aliases (*t) are not supported (write the value out)");
    }

    @Test
    void regexAndMapKeyProblemsPointIntoTheKey() {
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        source:
                          replay:
                            store: store
                            multipliers: {"^POST /api/order": -1, "a(": 1, plain: x}
                        rewrite:
                          headers: {set: {Host: a, "Bad Name": b}}
                        """))
                .containsExactly(
                        "5:39: source.replay.multipliers[\"^POST /api/order\"]: must be 0 or more (0 drops the"
                                + " endpoint), got -1",
                        "5:46: source.replay.multipliers[\"a(\"]: bad regex: Unclosed group (expected a Java regex on"
                                + " \"METHOD /path\")",
                        "5:59: source.replay.multipliers.plain: must be a factor, 0 or more, got 'x'",
                        "7:19: rewrite.headers.set.Host: set the Host header with rewrite.host",
                        "7:28: rewrite.headers.set[\"Bad Name\"]: 'Bad Name' is not a header name (expected letters,"
                                + " digits and -)");
    }

    @Test
    void manyProblemsAreCappedWithACount() {
        StringBuilder yaml = new StringBuilder("target: http://127.0.0.1:8080\nsource: {url: {path: /}}\n");
        for (int i = 0; i < 25; i++) {
            yaml.append("unknown").append(i).append(": 1\n");
        }
        Path file = files.write("many.yaml", yaml.toString());
        ScenarioException e = catchThrowableOfType(() -> ScenarioLoader.load(file), ScenarioException.class);
        assertThat(e.problems()).hasSize(ScenarioException.MAX_SHOWN);
        assertThat(e.omitted()).isEqualTo(26 - ScenarioException.MAX_SHOWN);
        assertThat(e.getMessage()).endsWith("\n... and 6 more problems");
        assertThat(e.problems().get(0).line()).isEqualTo(1);
    }

    @Test
    void annotatedMessageShowsTheLineUnderACaret() {
        Path file =
                files.write("caret.yaml", "target: http://127.0.0.1:8080\nconnections: -3\nsource: {url: {path: /}}\n");
        ScenarioException e = catchThrowableOfType(() -> ScenarioLoader.load(file), ScenarioException.class);
        assertThat(e.annotatedMessage())
                .isEqualTo(file + ":1:1: duration: required for a url source (e.g. duration: 30s)\n"
                        + "    target: http://127.0.0.1:8080\n"
                        + "    ^\n"
                        + file + ":2:14: connections: must be from 1 to 65536, got -3\n"
                        + "    connections: -3\n"
                        + "                 ^");
    }

    @Test
    void aMissingOrUnreadableFileIsOneProblem() {
        Path missing = tmp.resolve("nope.yaml");
        assertThatThrownBy(() -> ScenarioLoader.load(missing))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(missing + ": no such file");
    }
}
