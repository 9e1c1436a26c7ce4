package dev.stampede.engine.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory with what scenarios refer to: {@code store/}, {@code model/model.json}, {@code accounts.csv}. */
final class ScenarioFiles {

    private final Path dir;

    ScenarioFiles(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir.resolve("store"));
            Files.createDirectories(dir.resolve("model"));
            Files.writeString(dir.resolve("model/model.json"), "{}", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("accounts.csv"), "account,password\nt1,p1\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
