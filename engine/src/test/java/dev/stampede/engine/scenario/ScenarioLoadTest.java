package dev.stampede.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stampede.control.profile.ConstantProfile;
import dev.stampede.control.profile.CurveProfile;
import dev.stampede.control.profile.RateProfile;
import dev.stampede.control.profile.SequenceProfile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code load} section: profiles read from files with exact values, and every problem at its place. */
class ScenarioLoadTest {

    private static final String URL = """
            target: http://127.0.0.1:8080
            source:
              url: {path: /, rate: 1000}
            """;

    @TempDir
    Path tmp;

    private ScenarioFiles files;

    @BeforeEach
    void files() {
        files = new ScenarioFiles(tmp);
    }

    private Scenario load(String yaml) throws ScenarioException {
        return files.load(yaml);
    }

    private List<String> problems(String yaml) {
        return files.problems("drill.yaml", yaml);
    }

    @Test
    void everyKindOfPhaseBecomesOneProfileWithExactValues() throws ScenarioException {
        Scenario s = load(URL + """
                load:
                  maxRate: 8000
                  profile:
                    - constant: {rate: 1000, for: 30s}
                    - ramp: {from: 1000, to: 5000, for: 1m}
                    - steps: {from: 1000, to: 5000, by: 1000, every: 30s}
                    - steps: {rates: [6000, 2000, 4000], every: 20s}
                    - spike: {base: 1000, factor: 8, at: 20s, lasting: 2m, for: 5m}
                    - sine: {mean: 2000, amplitude: 1000, period: 1m, phase: 15s, for: 5m}
                """);

        assertThat(s.duration()).as("a profile that ends needs no duration").isNull();
        assertThat(s.load().maxRate()).isEqualTo(8000);
        assertThat(s.load().hasCeiling()).isTrue();
        assertThat(s.load().ends()).isTrue();
        RateProfile p = s.load().profile();
        assertThat(p).isInstanceOf(SequenceProfile.class);
        assertThat(((SequenceProfile) p).phases()).hasSize(6);
        assertThat(p.seconds()).isEqualTo(900);
        assertThat(p.peak()).isEqualTo(8000);
        double[][] expected = {
            {0, 1000}, {29.5, 1000}, {30, 1000}, {60, 3000}, {90, 1000}, {120, 2000}, {239, 5000}, {240, 6000},
            {260, 2000}, {280, 4000}, {300, 1000}, {320, 8000}, {439, 8000}, {440, 1000}, {600, 3000}, {615, 2000},
            {630, 1000}, {899, 2000 + 1000 * Math.sin(2 * Math.PI * (314.0 / 60))}, {900, 0}, {1e6, 0}
        };
        for (double[] at : expected) {
            assertThat(p.rateAt(at[0])).as("at %s s", at[0]).isEqualTo(at[1]);
        }
        assertThat(p.describe().lines())
                .containsExactly(
                        "at 0s: constant 1000 for 30s",
                        "at 30s: ramp 1000 -> 5000 over 1m",
                        "at 1m30s: steps 1000 -> 5000 by 1000 every 30s (5 steps, 2m30s)",
                        "at 4m: steps 6000, 2000, 4000 every 20s (3 steps, 1m)",
                        "at 5m: spike 1000, x8 = 8000 from 20s for 2m, until 5m",
                        "at 10m: sine 2000 +/- 1000 every 1m, phase 15s for 5m");
    }

    @Test
    void aCurvePlaysTheModelsArrivalsTimesKCompressed() throws ScenarioException {
        Scenario s = load("""
                target: http://127.0.0.1:8080
                duration: 10m
                source:
                  model: {dir: model, rate: 5000}
                load:
                  profile:
                    - curve: {model: ./model, factor: 2, compress: 60, window: peak}
                    - constant: {rate: 5000}
                """);

        RateProfile p = s.load().profile();
        CurveProfile curve = (CurveProfile) ((SequenceProfile) p).phases().get(0);
        assertThat(curve.recordedSeconds()).isEqualTo(ScenarioFiles.CURVE.length);
        assertThat(curve.requests()).isEqualTo(2 * (100 + 200 + 400 + 300));
        assertThat(p.rateAt(0)).isEqualTo(2 * 60 * 100);
        assertThat(p.rateAt(2.5 / 60)).as("the middle of recorded second 2").isEqualTo(2 * 60 * 400);
        assertThat(p.rateAt(4.0 / 60)).isEqualTo(5000);
        assertThat(p.peak()).isEqualTo(2 * 60 * 400);
        assertThat(s.load().maxRate()).isInfinite();
        assertThat(s.load().hasCeiling()).isFalse();
        assertThat(s.load().ends()).isFalse();

        Scenario defaults = load(URL + """
                duration: 1m
                load:
                  profile:
                    - curve: {model: model}
                """);
        CurveProfile plain = (CurveProfile)
                ((SequenceProfile) defaults.load().profile()).phases().get(0);
        assertThat(plain.seconds()).isEqualTo(4);
        assertThat(plain.rateAt(3.5)).isEqualTo(300);
    }

    @Test
    void aReplaysProfileIsItsSpeedAndAScenarioWithoutLoadHasNone() throws ScenarioException {
        Scenario replay = load("""
                target: http://127.0.0.1:8080
                source:
                  replay: {store: store, loop: forever}
                duration: 30m
                load:
                  maxRate: 5
                  profile:
                    - ramp: {from: 1, to: 4, for: 2m}
                    - constant: {rate: 4}
                """);
        assertThat(replay.load().profile().rateAt(60)).isEqualTo(2.5);
        assertThat(replay.load().profile().rateAt(1e6)).isEqualTo(4);

        Scenario none = load(URL + "duration: 1m\n");
        assertThat(none.load()).isEqualTo(LoadSpec.NONE);
        assertThat(none.toBuilder().build()).isEqualTo(none);
        Scenario ceilingOnly = load(URL + "duration: 1m\nload: {maxRate: 1000}\n");
        assertThat(ceilingOnly.load().profile()).isNull();
        assertThat(ceilingOnly.load().maxRate()).isEqualTo(1000);
        assertThat(replay.toBuilder().build().load()).isSameAs(replay.load());
    }

    @Test
    void unknownKindsAndKeysSuggestTheClosest() {
        assertThat(problems(URL + """
                        load:
                          maxRat: 10
                          profile:
                            - constnat: {rate: 1000}
                            - ramp: {from: 1, too: 5, for: 1m}
                            - {}
                            - 5
                            - {constant: {rate: 1}, ramp: {from: 1, to: 2, for: 1s}}
                        """))
                .containsExactly(
                        "1:1: duration: required for a url source (e.g. duration: 30s)",
                        "5:3: load.maxRat: unknown key (did you mean maxRate?)",
                        "7:7: load.profile[0].constnat: unknown key (did you mean constant?)",
                        "8:7: load.profile[1].ramp.to: required (expected a rate, 0 or more)",
                        "8:23: load.profile[1].ramp.too: unknown key (did you mean to?)",
                        "9:7: load.profile[2]: names no phase (expected one of constant, ramp, steps, spike, sine or"
                                + " curve)",
                        "10:7: load.profile[3]: must be a map with keys constant, ramp, steps, spike, sine, curve, got 5",
                        "11:29: load.profile[4].ramp: one phase per item (constant is given too; start another item"
                                + " with -)");
    }

    @Test
    void missingNegativeAndZeroValuesAreReportedAtTheirPlace() {
        assertThat(problems(URL + """
                        load:
                          maxRate: 0
                          profile:
                            - constant: {for: 30s}
                            - ramp: {from: 1000, to: -5, for: 0s}
                            - steps: {from: 1, to: 5, by: 0, every: 10}
                            - steps: {rates: [1, -2, "3"], every: 1s, by: 2}
                            - sine: {mean: 100, amplitude: 150, period: 1m}
                            - spike: {base: 10, factor: 2, at: 20s}
                            - curve: {factor: -1, window: top}
                        """))
                .containsExactly(
                        "5:12: load.maxRate: must be above 0, got 0",
                        "7:7: load.profile[0].constant.rate: required (expected a rate, 0 or more)",
                        "8:30: load.profile[1].ramp.to: must be 0 or more, got -5",
                        "8:39: load.profile[1].ramp.for: must be above 0, got 0s",
                        "9:35: load.profile[2].steps.by: must be above 0, got 0",
                        "9:45: load.profile[2].steps.every: has no unit, got 10 (expected e.g. 10s)",
                        "10:26: load.profile[3].steps.rates[1]: must be 0 or more, got -2",
                        "10:30: load.profile[3].steps.rates[2]: must be a rate, 0 or more, got '3'",
                        "10:47: load.profile[3].steps.by: either rates or from, to and by (rates is given too)",
                        "11:36: load.profile[4].sine.amplitude: must be at most mean (100) so that the rate never"
                                + " goes below 0, got 150",
                        "12:7: load.profile[5].spike.lasting: required (expected a duration such as 500ms, 10s, 2m,"
                                + " 1h or 1m30s)",
                        "13:7: load.profile[6].curve.model: required: the model directory whose arrival curve to"
                                + " play",
                        "13:23: load.profile[6].curve.factor: must be above 0, got -1",
                        "13:35: load.profile[6].curve.window: unknown value 'top' (expected whole or peak)");
    }

    @Test
    void onlyTheLastPhaseMayNeverEndAndValuesMustFitTogether() {
        assertThat(problems(URL + """
                        duration: 1m
                        load:
                          profile:
                            - constant: {rate: 5}
                            - spike: {base: 10, factor: 2, at: 4m, lasting: 2m, for: 5m}
                            - steps: {from: 0, to: 10000000, by: 0.001, every: 1s}
                            - steps: {every: 1s}
                            - sine: {mean: 5, amplitude: 1, period: 1m}
                        """))
                .containsExactly(
                        "7:17: load.profile[0].constant: never ends (it has no for), so it must be the last phase"
                                + " (expected e.g. for: 30s)",
                        "8:14: load.profile[1].spike: the spike ends at 6m, after the phase (for 5m)",
                        "9:14: load.profile[2].steps: from 0 to 10000000 by 0.001 makes more than 100000 steps",
                        "10:14: load.profile[3].steps: needs rates: [R1, R2, ...] or from, to and by (and every)");
    }

    @Test
    void aCurveNeedsAReadableModelAndARateSource() throws IOException {
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("model.json"), "{}", StandardCharsets.UTF_8);
        assertThat(problems(URL + """
                        load:
                          profile:
                            - curve: {model: ./store}
                            - curve: {model: bad}
                            - curve: {model: nowhere}
                        """))
                .containsExactly(
                        "6:22: load.profile[0].curve.model: no model.json in " + tmp.resolve("store")
                                + " (expected a model directory, as stampede model -o writes it)",
                        "7:22: load.profile[1].curve.model: cannot read its arrival curve: " + bad.resolve("model.json")
                                + " is not a Stampede model (no \"schema\": \"stampede-model\")",
                        "8:22: load.profile[2].curve.model: no such directory: " + tmp.resolve("nowhere")
                                + " (expected a model directory, as stampede model -o writes it; relative paths"
                                + " start at the scenario file's directory)");
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        source:
                          replay: {store: store}
                        load:
                          profile:
                            - constant: {rate: 2, for: 1m}
                            - curve: {model: model}
                        """))
                .containsExactly("7:14: load.profile[1].curve: a replay's profile is its speed factor, and a replay"
                        + " follows its own recorded curve (use a model or url source, or speed)");
    }

    @Test
    void theProfileAndTheSourceMustStayUnderTheCeiling() {
        assertThat(problems(URL + """
                        load:
                          maxRate: 8000
                          profile:
                            - ramp: {from: 1000, to: 8000, for: 1m}
                            - spike: {base: 1000, factor: 10, at: 20s, lasting: 2m, for: 5m}
                            - sine: {mean: 6000, amplitude: 3000, period: 1m, for: 5s}
                            - sine: {mean: 6000, amplitude: 3000, period: 1m, for: 20s}
                        """))
                .containsExactly(
                        "8:14: load.profile[1].spike: reaches 10000, above load.maxRate 8000",
                        "10:13: load.profile[3].sine: reaches 9000, above load.maxRate 8000");
        assertThat(problems(URL + """
                        duration: 1m
                        load: {maxRate: 500}
                        """)).containsExactly("3:24: source.url.rate: is above load.maxRate 500, got 1000");
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        duration: 1m
                        source:
                          replay: {store: store, speed: 3}
                        load: {maxRate: 2.5}
                        """)).containsExactly("4:33: source.replay.speed: is above load.maxRate 2.5, got 3");
    }

    @Test
    void aFlatOutUrlHasNoRateToShapeOrCap() {
        String flatOut = """
                target: http://127.0.0.1:8080
                duration: 1m
                source:
                  url: {path: /}
                """;
        assertThat(problems(flatOut + """
                        load:
                          profile:
                            - constant: {rate: 5, for: 1s}
                          maxRate: 10
                        """))
                .containsExactly("7:5: load.profile: a url source without rate sends as fast as the connections"
                        + " allow, which no profile paces (give source.url.rate; the profile then sets the rate)");
        assertThat(problems(flatOut + "load: {maxRate: 10}\n"))
                .containsExactly("5:17: load.maxRate: a url source without rate sends as fast as the connections"
                        + " allow: no ceiling holds it (give source.url.rate)");
        assertThat(problems(flatOut + "load: {profile: []}\n"))
                .containsExactly("5:17: load.profile: is empty (expected at least one phase, e.g. - constant: {rate:"
                        + " 1000, for: 30s})");
    }

    @Test
    void anEndlessProfileStillNeedsADuration() {
        assertThat(problems(URL + """
                        load:
                          profile:
                            - ramp: {from: 1, to: 5, for: 1m}
                            - constant: {rate: 5}
                        """))
                .containsExactly("1:1: duration: required for a url source (e.g. duration: 30s)");
    }

    @Test
    void aBuilderChecksAProfileGivenInCode() {
        Scenario.Builder b = Scenario.builder()
                .target(URI.create("http://127.0.0.1:8080"))
                .source(UrlSource.get("/").withRatePerSec(100))
                .duration(Duration.ofSeconds(10))
                .load(new LoadSpec(new ConstantProfile(5000, 30), 4000));
        ScenarioException e = catchThrowableOfType(b::build, ScenarioException.class);
        assertThat(e.getMessage()).isEqualTo("load.profile[0].constant: reaches 5000, above load.maxRate 4000");
    }
}
