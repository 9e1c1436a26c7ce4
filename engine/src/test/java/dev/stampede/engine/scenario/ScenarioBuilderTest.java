package dev.stampede.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios from command-line flags, alone or on top of a file, pass the same checks and name the flags. */
class ScenarioBuilderTest {

    @TempDir
    Path tmp;

    @Test
    void aScenarioFromFlagsAloneGetsTheDefaults() throws ScenarioException {
        ScenarioFiles files = new ScenarioFiles(tmp);
        Scenario s = Scenario.builder()
                .target(URI.create("http://127.0.0.1:8080"))
                .source(ModelSource.of(files.dir().resolve("model"), 5000))
                .duration(Duration.ofSeconds(10))
                .build();
        assertThat(s.name()).isEqualTo("model");
        assertThat(s.connections()).isEqualTo(Scenario.DEFAULT_CONNECTIONS);
        assertThat(s.marks()).isEqualTo(Marks.DEFAULT);
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }

    @Test
    void problemsWithFlagValuesNameTheFlags() {
        Scenario.Builder b = Scenario.builder()
                .target(URI.create("http://127.0.0.1:8080"))
                .flag("target", "--target")
                .source(ReplaySource.of(tmp.resolve("missing")).withSpeed(-2))
                .flag("source.replay.store", "--replay")
                .flag("source.replay.speed", "--speed")
                .connections(0)
                .flag("connections", "--connections")
                .timeout(Duration.ZERO);
        ScenarioException e = catchThrowableOfType(b::build, ScenarioException.class);
        assertThat(e.getMessage().lines())
                .containsExactly(
                        "--connections: must be from 1 to 65536, got 0",
                        "timeout: must be above 0, got 0s",
                        "--replay: no such directory: " + tmp.resolve("missing") + " (expected a record store"
                                + " directory, as stampede parse -o writes it; relative paths start at the scenario"
                                + " file's directory)",
                        "--speed: must be above 0, got -2");
    }

    @Test
    void aMissingRequiredFlagIsNamedWhenRegistered() {
        Scenario.Builder b = Scenario.builder()
                .flag("duration", "--duration")
                .flag("target", "--target")
                .source(UrlSource.get("/").withRatePerSec(-5))
                .flag("source.url.rate", "--rate");
        ScenarioException e = catchThrowableOfType(b::build, ScenarioException.class);
        assertThat(e.getMessage().lines())
                .containsExactly(
                        "--target: required: where requests go (e.g. target: http://127.0.0.1:8080)",
                        "--rate: must be above 0 and at most 10000000 requests per second, got -5",
                        "--duration: required for a url source (e.g. duration: 30s)");
    }

    @Test
    void flagsOverrideAFileAndAllProblemsAreReportedTogether() throws ScenarioException {
        ScenarioFiles files = new ScenarioFiles(tmp);
        Path file = files.write("daily.yaml", """
                target: http://127.0.0.1:8080
                connectons: 8
                source:
                  replay:
                    store: store
                    speed: 2
                """);
        Scenario.Builder b = ScenarioLoader.read(file);
        ReplaySource replay = (ReplaySource) b.source();
        b.source(replay.withSpeed(0)).flag("source.replay.speed", "--speed");
        ScenarioException e = catchThrowableOfType(b::build, ScenarioException.class);
        assertThat(e.getMessage().lines())
                .containsExactly(
                        file + ":2:1: connectons: unknown key (did you mean connections?)",
                        "--speed: must be above 0, got 0");

        Scenario.Builder fine = ScenarioLoader.read(files.write("fine.yaml", """
                target: http://127.0.0.1:8080
                source: {replay: {store: store, speed: 2}}
                """));
        Scenario s = fine.source(((ReplaySource) fine.source()).withSpeed(4))
                .duration(Duration.ofMinutes(1))
                .build();
        assertThat(((ReplaySource) s.source()).speed()).isEqualTo(4.0);
        assertThat(s.name()).isEqualTo("fine");
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(1));
    }
}
