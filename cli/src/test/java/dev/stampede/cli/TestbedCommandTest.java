package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code stampede testbed}: its options are checked before anything starts. */
@Timeout(60)
class TestbedCommandTest {

    private final CapturedCli cli = new CapturedCli();

    @TempDir
    Path dir;

    @Test
    void helpDescribesTheChainAndEveryOption() {
        assertThat(cli.run("testbed", "--help")).isZero();
        assertThat(cli.out.toString())
                .contains("Usage: stampede testbed")
                .contains("--core-capacity=ORDERS_PER_S")
                .contains("--simulate-users=N")
                .contains("--log=FILE")
                .contains("--mark-header=NAME");
    }

    @Test
    void rootHelpListsTheTestbedCommand() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out.toString()).containsPattern("(?m)^  testbed\\s+");
    }

    @Test
    void invalidSettingsAreUsageErrorsNamingTheSetting() {
        assertThat(cli.run("testbed", "--core-capacity", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString())
                .contains("stampede: core capacity must be at least 1 order/s, got 0")
                .contains("Try 'stampede testbed --help' for more information.");
    }

    @Test
    void badServiceTimeAndLogFormatAreUsageErrors() {
        assertThat(cli.run("testbed", "--service-time", "weibull")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("unknown service-time distribution 'weibull'");

        assertThat(cli.run("testbed", "--log-format", "$remote_addr $nonsense")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("nonsense");
    }

    @Test
    void simulationOptionsGoTogether() {
        assertThat(cli.run("testbed", "--simulate-users", "10")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("--simulate-users needs --duration");

        assertThat(cli.run("testbed", "--duration", "5s")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("go with --simulate-users");

        assertThat(cli.run("testbed", "--simulate-users", "10", "--duration", "5 parsecs"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("'5 parsecs' is not a duration");
    }

    @Test
    void moreUsersThanAccountsFailsTheRunWithTheFix() {
        int code = cli.run("testbed", "--port", "0", "--accounts", "10", "--simulate-users", "20", "--duration", "1s");

        assertThat(code).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString())
                .contains("simulated users (20) need as many accounts")
                .contains("--accounts");
    }

    @Test
    void accountsFileGoesIntoNewDirectoriesAndAnUnwritablePathIsARunFailure() throws Exception {
        Path nested = dir.resolve("new/sub/accounts.csv");
        assertThat(cli.run(
                        "testbed",
                        "--port",
                        "0",
                        "--accounts",
                        "10",
                        "--accounts-out",
                        nested.toString(),
                        "--simulate-users",
                        "1",
                        "--duration",
                        "1s"))
                .isZero();
        assertThat(java.nio.file.Files.readAllLines(nested)).hasSize(11);

        java.nio.file.Files.writeString(dir.resolve("file"), "x");
        Path underAFile = dir.resolve("file/accounts.csv");
        assertThat(cli.run("testbed", "--port", "0", "--accounts-out", underAFile.toString()))
                .isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString()).contains("stampede: error: cannot write the account table to " + underAFile);
    }

    @Test
    void aBusyPortIsARunFailureThatSaysWhatToDo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int code = cli.run(
                    "testbed",
                    "--port",
                    Integer.toString(taken.getLocalPort()),
                    "--simulate-users",
                    "1",
                    "--duration",
                    "1s");

            assertThat(code).isEqualTo(ExitCode.RUN_FAILED);
            assertThat(cli.err.toString())
                    .contains("stampede: error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port 0");
        }
    }

    @Test
    void missingBehaviourFileFailsBeforeAnythingStarts() {
        Path missing = dir.resolve("nope.json");
        int code = cli.run(
                "testbed",
                "--port",
                "0",
                "--simulate-users",
                "1",
                "--duration",
                "1s",
                "--behaviour",
                missing.toString());

        assertThat(code).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString()).contains("behaviour file " + missing + " does not exist");
        assertThat(cli.out.toString()).doesNotContain("load balancer");
    }
}
