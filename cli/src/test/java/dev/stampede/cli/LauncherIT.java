package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./stampede} launcher, copied into a throwaway checkout whose "Maven" is a script that
 * counts builds and drops in the real jar: it builds only when needed, keeps stdout clean, reports a
 * failed build, and runs the jar with the pom's JVM flags.
 */
class LauncherIT {

    private static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path REAL_TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path checkout;

    private Path builds;
    private Path source;
    private Path jar;

    @BeforeEach
    void layOutCheckout() throws IOException {
        Files.copy(REPO_ROOT.resolve("stampede"), checkout.resolve("stampede"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        source = checkout.resolve("cli/src/main/java/Example.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Example {}\n");
        jar = checkout.resolve("cli/target/stampede.jar");
        builds = checkout.resolve("builds.count");

        Path fakeMvn = checkout.resolve("fake-mvn");
        Files.writeString(
                fakeMvn,
                String.join(
                        "\n",
                        "#!/usr/bin/env bash",
                        "echo \"fake mvn $*\"",
                        "echo build >> '" + builds + "'",
                        "[ -n \"${FAKE_MVN_EXIT:-}\" ] && exit \"$FAKE_MVN_EXIT\"",
                        "mkdir -p cli/target",
                        "cp '" + REAL_TARGET.resolve("stampede.jar") + "' cli/target/stampede.jar",
                        "cp '" + REAL_TARGET.resolve("stampede.jvm-args") + "' cli/target/stampede.jvm-args",
                        ""));
        Files.setPosixFilePermissions(fakeMvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private ProcessRun launch(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("STAMPEDE_MVN", checkout.resolve("fake-mvn").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        List<String> command =
                new java.util.ArrayList<>(List.of(checkout.resolve("stampede").toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(checkout, env, command);
    }

    private long buildCount() throws IOException {
        return Files.exists(builds) ? Files.readAllLines(builds).size() : 0;
    }

    @Test
    void buildsOnFirstUseThenReusesTheJar() throws IOException {
        ProcessRun first = launch(Map.of(), "--version");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(buildCount()).isEqualTo(1);
        assertThat(first.stdout())
                .as("build output stays off stdout")
                .startsWith("stampede ")
                .doesNotContain("fake mvn");
        assertThat(first.stderr())
                .contains("building the runnable jar (no jar built yet)")
                .contains("fake mvn");

        ProcessRun second = launch(Map.of(), "--version");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(buildCount()).isEqualTo(1);
        assertThat(second.stderr()).isEmpty();
    }

    @Test
    void rebuildsWhenASourceIsNewerThanTheJar() throws IOException {
        assertThat(launch(Map.of(), "--version").exitCode()).isZero();
        long jarTime = Files.getLastModifiedTime(jar).toMillis();
        Files.setLastModifiedTime(source, FileTime.fromMillis(jarTime - TimeUnit.SECONDS.toMillis(60)));
        assertThat(launch(Map.of(), "--version").exitCode()).isZero();
        assertThat(buildCount()).isEqualTo(1);

        Files.setLastModifiedTime(source, FileTime.fromMillis(jarTime + TimeUnit.SECONDS.toMillis(1)));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(jarTime));
        ProcessRun run = launch(Map.of(), "--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(buildCount()).isEqualTo(2);
        assertThat(run.stderr()).contains("(cli/src/main/java/Example.java changed)");
    }

    @Test
    void failedBuildIsReportedAndNothingRuns() throws IOException {
        ProcessRun run = launch(Map.of("FAKE_MVN_EXIT", "3"), "--version");

        assertThat(run.exitCode()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("the build failed").contains("nothing was run");
        assertThat(buildCount()).isEqualTo(1);
    }

    @Test
    void runsTheJarWithThePomFlagsAndPassesExitCodesThrough() {
        ProcessRun run = launch(Map.of("STAMPEDE_JAVA_OPTS", "-XshowSettings:properties"), "--bogus");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.stderr())
                .contains("chronicle.analytics.disable = true")
                .contains("stampede: Unknown option: '--bogus'");
    }

    @Test
    void recordsTheClassDataArchiveOnceThenStartsFromIt() {
        ProcessRun first = launch(Map.of(), "--version");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stderr()).contains("recording the class-data archive");
        assertThat(checkout.resolve("cli/target/stampede.jsa")).exists();

        ProcessRun second = launch(Map.of("STAMPEDE_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertThat(second.stderr()).as("recorded once").doesNotContain("recording");
        assertThat(second.stdout())
                .as("Stampede's classes and picocli's (Java 5 class files) come from the archive")
                .contains("dev.stampede.cli.Main source: shared objects file")
                .contains("picocli.CommandLine source: shared objects file");

        // `run` has an archive of its own, trained on a load run too; the batch archive stays small.
        ProcessRun run = launch(Map.of("STAMPEDE_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "run", "--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("recording the class-data archive");
        assertThat(run.stdout()).contains("stampede-run.jsa");
        assertThat(checkout.resolve("cli/target/stampede-run.jsa")).exists();
        ProcessRun batch = launch(Map.of("STAMPEDE_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "parse", "--help");
        assertThat(batch.stderr()).doesNotContain("recording");
        assertThat(batch.stdout()).contains("cli/target/stampede.jsa").doesNotContain("stampede-run.jsa");

        ProcessRun off =
                launch(Map.of("STAMPEDE_CDS", "0", "STAMPEDE_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertThat(off.exitCode()).isZero();
        assertThat(off.stdout()).doesNotContain("dev.stampede.cli.Main source: shared objects file");
    }

    @Test
    void asksTheJdkForItsVersionOnceAndAgainWhenTheJdkChanges() throws IOException {
        assertThat(launch(Map.of(), "--version").exitCode()).isZero();
        Path cache = checkout.resolve("cli/target/.java-settings");
        List<String> asked = Files.readAllLines(cache);
        assertThat(asked.get(0)).as("keyed to the java binary").contains("/bin/java");
        assertThat(asked).anyMatch(line -> line.contains("java.specification.version = "));

        // The kept answer is believed while the key matches...
        Files.write(cache, List.of(asked.get(0), "    java.specification.version = 11"));
        ProcessRun believed = launch(Map.of(), "--version");
        assertThat(believed.exitCode()).isEqualTo(1);
        assertThat(believed.stderr()).contains("is Java 11; stampede needs Java 17 or newer");

        // ...and the JDK is asked again when it does not (another JDK, or this one updated).
        Files.write(cache, List.of("/another/jdk/bin/java 1 2", "    java.specification.version = 11"));
        ProcessRun askedAgain = launch(Map.of(), "--version");
        assertThat(askedAgain.exitCode()).as(askedAgain.toString()).isZero();
        assertThat(Files.readAllLines(cache)).isEqualTo(asked);
    }

    @Test
    void batchCommandsRunWithTheSerialCollectorUnlessTheUserChoseOne() {
        ProcessRun parse = launch(Map.of("STAMPEDE_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "parse", "--help");
        assertThat(parse.exitCode()).as(parse.toString()).isZero();
        assertThat(parse.stdout()).contains("-XX:+UseSerialGC");

        ProcessRun chosen = launch(
                Map.of("STAMPEDE_JAVA_OPTS", "-XX:+UseParallelGC -XX:+PrintCommandLineFlags"), "model", "--help");
        assertThat(chosen.exitCode()).as(chosen.toString()).isZero();
        assertThat(chosen.stdout()).contains("-XX:+UseParallelGC").doesNotContain("-XX:+UseSerialGC");

        ProcessRun other = launch(Map.of("STAMPEDE_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "--version");
        assertThat(other.stdout()).doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void loadRunsCompileWithC1AloneUnlessTheUserChoseOtherwise() {
        ProcessRun run = launch(Map.of("STAMPEDE_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "run", "--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("-XX:TieredStopAtLevel=1");

        ProcessRun chosen = launch(
                Map.of("STAMPEDE_JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:+PrintCommandLineFlags"), "run", "--help");
        assertThat(chosen.stdout()).contains("-XX:TieredStopAtLevel=4").doesNotContain("-XX:TieredStopAtLevel=1");

        ProcessRun other = launch(Map.of("STAMPEDE_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "parse", "--help");
        assertThat(other.stdout()).doesNotContain("TieredStopAtLevel");
    }

    @Test
    void hotLoopsStillCompileWhenClassesComeFromTheArchive() throws Exception {
        assertThat(launch(Map.of(), "--version").exitCode()).isZero(); // records the archive
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            log.append("10.0.0.1 - - [21/Nov/2026:09:00:00 +0000] \"GET /a HTTP/1.1\" 200 1 \"-\" \"ua\"\n");
        }
        Path file = checkout.resolve("access.log");
        Files.writeString(file, log, java.nio.charset.StandardCharsets.ISO_8859_1);

        ProcessRun run = launch(
                Map.of("STAMPEDE_JAVA_OPTS", "-XX:+PrintCompilation"),
                "parse",
                "--format",
                "combined",
                file.toString(),
                "-o",
                checkout.resolve("store").toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).as("the line reader's loop is compiled").contains("LineReader::readLine");
    }
}
