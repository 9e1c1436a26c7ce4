package dev.stampede.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mode: production} and {@code allowlist}: a drill refuses to start without its safety rules. */
class ProductionDrillTest {

    private static final String SAFE = """
            mode: production
            allowlist: ["https://trade.example.com", "gateway.internal:8443"]
            target: https://trade.example.com/api
            duration: 10m
            source:
              url: {path: /quote, rate: 100}
            load:
              maxRate: 500
            guards:
              - {name: p99, metric: latency, percentile: 99, above: 800ms, action: abort}
            """;

    @TempDir
    Path tmp;

    private ScenarioFiles files;

    @BeforeEach
    void files() {
        files = new ScenarioFiles(tmp);
    }

    private List<String> problems(String yaml) {
        return files.problems("drill.yaml", yaml);
    }

    @Test
    void aDrillWithEverySafetyRuleLoads() throws Exception {
        Scenario s = ScenarioLoader.load(files.write("drill.yaml", SAFE));
        assertThat(s.production()).isTrue();
        assertThat(s.allowlist()).containsExactly("https://trade.example.com", "gateway.internal:8443");
    }

    @Test
    void aDrillWithoutItsSafetyRulesIsRefusedNamingEachOne() {
        assertThat(problems("""
                        mode: production
                        target: https://trade.example.com
                        duration: 10m
                        source:
                          url: {path: /quote, rate: 100}
                        marks: {test: false}
                        guards:
                          - {name: p99, metric: latency, percentile: 99, above: 800ms, action: hold}
                        """))
                .containsExactly(
                        "1:1: allowlist: required in production: the targets this drill may reach",
                        "1:1: load.maxRate: required in production: the most any profile or live change may ask for",
                        "6:15: marks.test: required in production: the chain must tell drill traffic from real traffic",
                        "8:3: guards: required in production: at least one guard with action abort");
    }

    @Test
    void aTargetOutsideTheAllowlistIsRefusedInAndOutOfProduction() {
        assertThat(problems(SAFE.replace("target: https://trade.example.com/api", "target: https://trade.example.org")))
                .containsExactly("3:9: target: https://trade.example.org is not in the allowlist"
                        + " (https://trade.example.com, gateway.internal:8443)");
        assertThat(problems(SAFE.replace("mode: production\n", "")
                        .replace("target: https://trade.example.com/api", "target: http://gateway.internal:8080")))
                .hasSize(1)
                .allMatch(p -> p.contains("target: http://gateway.internal:8080 is not in the allowlist"));
    }

    @Test
    void endpointFactorsAreAFactorOrAProfileAndNotForAUrl() throws Exception {
        Scenario s = ScenarioLoader.load(files.write("ipo.yaml", """
                target: http://127.0.0.1:8080
                duration: 10m
                source:
                  replay: {store: ./store}
                load:
                  endpoints:
                    "^GET /api/news": 0.5
                    "^POST /api/ipo/subscribe":
                      - constant: {rate: 1, for: 2m}
                      - constant: {rate: 10, for: 2m}
                """));
        List<LoadSpec.EndpointFactor> factors = s.load().endpoints();
        assertThat(factors).hasSize(2);
        assertThat(factors.get(0).pattern().pattern()).isEqualTo("^GET /api/news");
        assertThat(factors.get(0).at(500)).isEqualTo(0.5);
        assertThat(factors.get(1).at(60)).isEqualTo(1);
        assertThat(factors.get(1).at(180)).isEqualTo(10);
        assertThat(factors.get(1).at(300)).isEqualTo(1); // after the list ends: 1 again
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        duration: 10m
                        source:
                          url: {path: /quote, rate: 100}
                        load:
                          endpoints: {"^GET /quote": 2, "[": 3, "^POST": fast}
                        """))
                .containsExactly(
                        "6:3: load.endpoints.[: bad regex: Unclosed character class (expected a Java regex on"
                                + " \"METHOD /path\")",
                        "6:3: load.endpoints.^POST: expected a factor, 0 or more (e.g. 10), or a list of phases,"
                                + " got 'fast'");
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        duration: 10m
                        source:
                          url: {path: /quote, rate: 100}
                        load:
                          endpoints: {"^GET /quote": 2}
                        """))
                .singleElement()
                .asString()
                .contains("load.endpoints: a url source sends one endpoint");
    }

    @Test
    void allowlistEntriesMatchSchemeHostPortAndPathPrefix() {
        List<String> list = List.of("https://trade.example.com/api", "gateway.internal:8443", "core.internal");
        assertThat(ProductionValidator.allowed(URI.create("https://trade.example.com/api/order"), list))
                .isTrue();
        assertThat(ProductionValidator.allowed(URI.create("https://TRADE.example.com:443/api"), list))
                .isTrue();
        assertThat(ProductionValidator.allowed(URI.create("https://trade.example.com/apix"), list))
                .isFalse();
        assertThat(ProductionValidator.allowed(URI.create("http://trade.example.com/api"), list))
                .isFalse();
        assertThat(ProductionValidator.allowed(URI.create("https://trade.example.com:8443/api"), list))
                .isFalse();
        assertThat(ProductionValidator.allowed(URI.create("http://gateway.internal:8443"), list))
                .isTrue();
        assertThat(ProductionValidator.allowed(URI.create("https://gateway.internal"), list))
                .isFalse();
        assertThat(ProductionValidator.allowed(URI.create("http://core.internal:9000/x"), list))
                .isTrue();
        assertThat(ProductionValidator.allowed(URI.create("http://evil.internal"), list))
                .isFalse();
    }
}
