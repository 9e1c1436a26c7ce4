package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher and the tests run with one set of JVM flags, defined once in the root pom: the
 * launcher's argfile, the flags packaged in the jar, and the flags this forked test JVM got from
 * Surefire are the same list.
 */
class JvmFlagsTest {

    private static final Path LAUNCHER_ARGFILE = Path.of("target/stampede.jvm-args");

    @Test
    void launcherArgfileHoldsThePomFlags() throws IOException {
        List<String> argfile =
                Arrays.asList(Files.readString(LAUNCHER_ARGFILE).trim().split("\\s+"));

        assertThat(argfile).isEqualTo(BuildInfo.load().jvmArgs());
        assertThat(argfile)
                .contains("-Dchronicle.analytics.disable=true", "-Dio.netty.jfr.enabled=false")
                .anyMatch(flag -> flag.startsWith("--add-opens=java.base/"))
                .anyMatch(flag -> flag.startsWith("--add-exports="))
                .noneMatch(flag -> flag.contains("${"));
    }

    @Test
    void thisTestJvmRunsWithEveryLauncherFlag() {
        List<String> inputArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();

        assertThat(inputArguments).containsAll(BuildInfo.load().jvmArgs());
        assertThat(System.getProperty(BuildInfo.CHRONICLE_ANALYTICS_PROPERTY)).isEqualTo("true");
    }
}
