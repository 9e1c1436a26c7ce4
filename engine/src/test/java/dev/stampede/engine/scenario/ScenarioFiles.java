package dev.stampede.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stampede.model.BehaviourModel;
import dev.stampede.model.ModelFiles;
import dev.stampede.model.arrival.ArrivalAnalyzer;
import dev.stampede.model.arrival.ArrivalOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A directory with what scenarios refer to: {@code store/}, {@code model/model.json} (a model with only
 * an arrival curve: {@link #CURVE} requests in seconds 0 to 3), {@code accounts.csv}.
 */
final class ScenarioFiles {

    /** The arrival curve of {@code model/}, requests per second. */
    static final long[] CURVE = {100, 200, 400, 300};

    private final Path dir;

    ScenarioFiles(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir.resolve("store"));
            Files.createDirectories(dir.resolve("model"));
            ModelFiles.write(dir.resolve("model/model.json"), curveModel());
            Files.writeString(dir.resolve("accounts.csv"), "account,password\nt1,p1\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BehaviourModel curveModel() {
        ArrivalAnalyzer arrivals = new ArrivalAnalyzer(ArrivalOptions.defaults());
        long start = 1_790_000_000L * 1_000_000L;
        for (int second = 0; second < CURVE.length; second++) {
            for (int i = 0; i < CURVE[second]; i++) {
                arrivals.add(start + second * 1_000_000L + i);
            }
        }
        return new BehaviourModel(
                BehaviourModel.SCHEMA, BehaviourModel.VERSION, null, null, List.of(), arrivals.finish(), null);
    }

    Path dir() {
        return dir;
    }

    /** Writes {@code yaml} to {@code name} in the directory. */
    Path write(String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code yaml} as {@code drill.yaml} here. */
    Scenario load(String yaml) throws ScenarioException {
        return ScenarioLoader.load(write("drill.yaml", yaml));
    }

    /**
     * The problems of {@code yaml} written as {@code name} here (it must have some), each without the
     * file's path: {@code 4:9: target: ...}. The exception's message is those problems, one a line.
     */
    List<String> problems(String name, String yaml) {
        Path file = write(name, yaml);
        ScenarioException e = catchThrowableOfType(() -> ScenarioLoader.load(file), ScenarioException.class);
        assertThat(e).as("expected problems").isNotNull();
        assertThat(e.getMessage().lines().toList())
                .isEqualTo(e.problems().stream().map(Problem::toString).toList());
        String prefix = file + ":";
        return e.problems().stream()
                .map(p -> p.toString().startsWith(prefix) ? p.toString().substring(prefix.length()) : p.toString())
                .toList();
    }
}
