package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsTheUsualForms() {
        assertThat(converter.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert(" 1M5S ")).isEqualTo(Duration.ofSeconds(65));
        assertThat(converter.convert("6400us")).isEqualTo(Duration.ofNanos(6_400_000));
        assertThat(converter.convert("1s500ms")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void saysWhatIsWrongWithTheValueAsGiven() {
        assertThatThrownBy(() -> converter.convert("5 Parsecs"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'5 Parsecs' is not a duration (expected a duration such as 500ms");
        assertThatThrownBy(() -> converter.convert("500ms1s")).hasMessageContaining("units go largest first");
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {"", "s", "1.5s", "-3s", "3 s", "3d", "abc", "500ms1s", "1s1s"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class);
        }
    }
}
