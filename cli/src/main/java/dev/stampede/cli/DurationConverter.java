package dev.stampede.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people write them: {@code 90s}, {@code 2m}, {@code 1h30m}, {@code 500ms}, or plain seconds. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (!text.matches("(\\d+(ms|h|m|s))+")) {
            throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 90s, 2m, 1h30m or 500ms");
        }
        Duration total = Duration.ZERO;
        java.util.regex.Matcher part =
                java.util.regex.Pattern.compile("(\\d+)(ms|h|m|s)").matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (part.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofSeconds(amount);
                    });
        }
        return total;
    }
}
