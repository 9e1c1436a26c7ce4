package dev.stampede.cli;

import dev.stampede.engine.scenario.DurationFormat;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people write them on the command line: plain seconds ({@code 90}), or as scenario files
 * write them ({@link DurationFormat}: {@code 90s}, {@code 2m}, {@code 1h30m}, {@code 500ms},
 * {@code 250us}).
 */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.trim();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            return DurationFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
