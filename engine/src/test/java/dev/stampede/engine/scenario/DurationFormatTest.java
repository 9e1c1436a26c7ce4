package dev.stampede.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationFormatTest {

    @Test
    void unitsLargestFirst() {
        assertThat(DurationFormat.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationFormat.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationFormat.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationFormat.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationFormat.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationFormat.parse("1h2m3s4ms5us6ns")).isEqualTo(Duration.ofNanos(3_723_004_005_006L));
        assertThat(DurationFormat.parse("0s")).isEqualTo(Duration.ZERO);
    }

    @Test
    void unitsInEitherCase() {
        assertThat(DurationFormat.parse("1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationFormat.parse("250US")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(DurationFormat.parse("2Ms")).isEqualTo(Duration.ofMillis(2));
        assertThatThrownBy(() -> DurationFormat.parse("30S1M")).hasMessageContaining("units go largest first");
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> DurationFormat.parse("10")).hasMessage("'10' has no unit (expected e.g. 10s or 10ms)");
        assertThatThrownBy(() -> DurationFormat.parse("30s1m")).hasMessageContaining("units go largest first");
        assertThatThrownBy(() -> DurationFormat.parse("1s1s")).hasMessageContaining("each once");
        assertThatThrownBy(() -> DurationFormat.parse("1.5s")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> DurationFormat.parse("-1s")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> DurationFormat.parse("10 s")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> DurationFormat.parse("99999999999999999999h")).hasMessageContaining("too long");
        assertThatThrownBy(() -> DurationFormat.parse("")).hasMessageContaining("empty");
    }

    @Test
    void formatsTheWayItParses() {
        assertThat(DurationFormat.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(DurationFormat.format(Duration.ofMillis(50))).isEqualTo("50ms");
        assertThat(DurationFormat.format(Duration.ofNanos(250_000))).isEqualTo("250us");
        assertThat(DurationFormat.format(Duration.ofSeconds(-2))).isEqualTo("-2s");
        assertThat(DurationFormat.format(Duration.ZERO)).isEqualTo("0s");
        for (String text : new String[] {"1h2m3s4ms", "7ns", "25h", "1m"}) {
            assertThat(DurationFormat.format(DurationFormat.parse(text))).isEqualTo(text);
        }
    }
}
