package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged runnable jar, run the way the launcher runs it: {@code java @argfile -jar stampede.jar}. */
class StampedeJarIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path JAR = TARGET.resolve("stampede.jar");

    private static ProcessRun stampede(String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessRun.javaExecutable(), "@" + TARGET.resolve("stampede.jvm-args"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(TARGET, Map.of(), command);
    }

    @Test
    void helpRunsFromTheJarWithNothingOnStderr() {
        ProcessRun run = stampede("--help");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("Usage: stampede").contains("Commands:");
        assertThat(run.stderr()).as("no JVM or library warnings").isEmpty();
    }

    @Test
    void versionCarriesTheBuildsCommit() {
        ProcessRun run = stampede("--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).startsWith("stampede ").containsPattern("commit [0-9a-f]{12} \\(");
    }

    @Test
    void usageErrorExitsWithTwo() {
        ProcessRun run = stampede("--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.stderr()).endsWith("Try 'stampede --help' for more information.\n");
    }

    @Test
    void jarHasTheMainClassAndNoTelemetryClient() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.stampede.cli.Main");
            assertThat(jar.getEntry("dev/stampede/cli/Main.class")).isNotNull();
            assertThat(jar.getEntry("stampede-git.properties")).isNotNull();
            assertThat(jar.stream().map(e -> e.getName()))
                    .noneMatch(name -> name.startsWith("net/openhft/chronicle/analytics/"));
        }
    }
}
