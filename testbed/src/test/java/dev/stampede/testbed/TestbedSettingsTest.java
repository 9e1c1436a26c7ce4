package dev.stampede.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.testbed.core.TestMark;
import dev.stampede.testbed.lb.NginxLogFormat;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestbedSettingsTest {

    private static final TestbedSettings DEFAULTS = TestbedSettings.defaults();

    @Test
    void theDefaultsAreValid() {
        assertThat(DEFAULTS.validate()).isSameAs(DEFAULTS);
        assertThat(DEFAULTS.gateways()).isEqualTo(2);
        assertThat(DEFAULTS.coreCapacityPerSec()).isEqualTo(1000);
        assertThat(DEFAULTS.coreWorkers()).isEqualTo(8);
        assertThat(DEFAULTS.accounts()).isEqualTo(10_000);
        assertThat(DEFAULTS.testMark()).isEqualTo(TestMark.DEFAULT);
        assertThat(DEFAULTS.accessLog()).isNull();
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("port 70000", s -> s.withLbPort(70_000), "port must be 0..65535, got 70000"),
                invalid("port -1", s -> s.withLbPort(-1), "port must be 0..65535, got -1"),
                invalid("gateways 0", s -> s.withGateways(0), "gateways must be 1..16, got 0"),
                invalid("gateways 17", s -> s.withGateways(17), "gateways must be 1..16, got 17"),
                invalid("capacity 0", s -> s.withCore(0, 8, 0, "constant"), "core capacity must be at least 1"),
                invalid("workers 0", s -> s.withCore(1000, 0, 0, "constant"), "core workers must be 1..256, got 0"),
                invalid("workers 257", s -> s.withCore(1000, 257, 0, "constant"), "core workers must be 1..256"),
                invalid(
                        "queue -1",
                        s -> s.withCore(1000, 8, -1, "constant"),
                        "core queue must be 0 (default) or more, got -1"),
                invalid(
                        "capacity too high",
                        s -> s.withCore(100_000, 8, 0, "constant"),
                        "core capacity 100000/s on 8 workers means under 0.1 ms per order"),
                invalid(
                        "service time",
                        s -> s.withCore(1000, 8, 0, "gamma"),
                        "unknown service-time distribution 'gamma'"),
                invalid("service-time cv", s -> s.withCore(1000, 8, 0, "lognormal:9"), "cv must be a number in (0, 5]"),
                invalid("IPO limit", s -> s.withIpoLimit(0), "IPO limit must be positive, got 0"),
                invalid("accounts 0", s -> s.withAccounts(0, 42L), "accounts must be 1..10,000,000, got 0"),
                invalid("accounts too many", s -> s.withAccounts(10_000_001, 42L), "accounts must be 1..10,000,000"),
                invalid("session timeout", s -> s.withSessionTimeoutSeconds(0), "session timeout must be at least 1 s"),
                invalid(
                        "log format",
                        s -> s.withAccessLog(Path.of("access.log"), "$remote_addr $nonsense"),
                        "unknown variable \"$nonsense\" at position 13 of log format"));
    }

    private static Arguments invalid(String what, UnaryOperator<TestbedSettings> change, String message) {
        return Arguments.of(what, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void eachInvalidSettingIsRefusedByName(String what, UnaryOperator<TestbedSettings> change, String message) {
        TestbedSettings settings = change.apply(DEFAULTS);

        assertThatThrownBy(settings::validate)
                .as(what)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theShortestMeanServiceTimeAllowedIsATenthOfAMillisecond() {
        assertThatCode(() -> DEFAULTS.withCore(80_000, 8, 0, "constant").validate())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DEFAULTS.withCore(80_001, 8, 0, "constant").validate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("under 0.1 ms");
    }

    @Test
    void theBoundariesAreValid() {
        assertThatCode(() -> DEFAULTS.withLbPort(65_535).withGateways(16).validate())
                .doesNotThrowAnyException();
        assertThatCode(() -> DEFAULTS.withLbPort(0)
                        .withGateways(1)
                        .withAccounts(1, 1L)
                        .validate())
                .doesNotThrowAnyException();
        assertThatCode(() -> DEFAULTS.withCore(1, 1, 1, "uniform").validate()).doesNotThrowAnyException();
    }

    @Test
    void theDefaultQueueIsATenthOfTheCapacityAndAtLeastEight() {
        assertThat(DEFAULTS.effectiveCoreQueue()).isEqualTo(100);
        assertThat(DEFAULTS.withCore(5_000, 8, 0, "constant").effectiveCoreQueue())
                .isEqualTo(500);
        assertThat(DEFAULTS.withCore(79, 8, 0, "constant").effectiveCoreQueue()).isEqualTo(8);
        assertThat(DEFAULTS.withCore(50, 1, 0, "constant").effectiveCoreQueue()).isEqualTo(8);
        assertThat(DEFAULTS.withCore(95, 8, 0, "constant").effectiveCoreQueue()).isEqualTo(9);
    }

    @Test
    void anExplicitQueueIsKept() {
        assertThat(DEFAULTS.withCore(1000, 8, 3, "constant").effectiveCoreQueue())
                .isEqualTo(3);
        assertThat(DEFAULTS.withCore(1000, 8, 250, "constant").effectiveCoreQueue())
                .isEqualTo(250);
    }

    @Test
    void theMeanServiceTimeIsWorkersOverCapacity() {
        assertThat(DEFAULTS.meanServiceTimeNanos()).isEqualTo(8_000_000L);
        assertThat(DEFAULTS.withCore(1, 1, 0, "constant").meanServiceTimeNanos())
                .isEqualTo(1_000_000_000L);
        assertThat(DEFAULTS.withCore(3, 1, 0, "constant").meanServiceTimeNanos())
                .isEqualTo(333_333_333L);
        assertThat(DEFAULTS.withCore(3, 2, 0, "constant").meanServiceTimeNanos())
                .isEqualTo(666_666_667L);
        assertThat(DEFAULTS.withCore(2_000, 256, 0, "constant").meanServiceTimeNanos())
                .isEqualTo(128_000_000L);
    }

    @Test
    void theDefaultLogFormatIsStampedes() {
        assertThat(DEFAULTS.effectiveLogFormat()).isEqualTo(NginxLogFormat.STAMPEDE);
        assertThat(DEFAULTS.effectiveLogFormat()).contains("\"$http_x_stampede_test\"");
    }

    @Test
    void theDefaultLogFormatLogsACustomMarkHeader() {
        TestbedSettings settings = DEFAULTS.withTestMark(new TestMark("X-Shadow-Flag", "yes"));

        String format = settings.effectiveLogFormat();

        assertThat(format)
                .isEqualTo(NginxLogFormat.STAMPEDE.replace("$http_x_stampede_test", "$http_x_shadow_flag"))
                .contains("\"$http_x_shadow_flag\"")
                .doesNotContain("x_stampede_test");
        assertThat(NginxLogFormat.compile(format).variables()).contains("http_x_shadow_flag");
        assertThatCode(settings::validate).doesNotThrowAnyException();
    }

    @Test
    void anExplicitLogFormatIsKeptAsIs() {
        String combined = NginxLogFormat.COMBINED;
        TestbedSettings settings = DEFAULTS.withTestMark(new TestMark("X-Shadow-Flag", "yes"))
                .withAccessLog(Path.of("access.log"), combined);

        assertThat(settings.effectiveLogFormat()).isSameAs(combined);
        assertThat(DEFAULTS.withAccessLog(null, "$status $http_x_stampede_test").effectiveLogFormat())
                .isEqualTo("$status $http_x_stampede_test");
        assertThatCode(settings::validate).doesNotThrowAnyException();
    }
}
