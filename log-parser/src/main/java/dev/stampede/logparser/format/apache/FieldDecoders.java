package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.format.apache.FormatToken.Directive;
import dev.stampede.logparser.format.apache.SkippedField.Shape;
import dev.stampede.logparser.format.apache.TextFields.RequestPart.Part;
import java.util.Locale;

/** Which decoder reads which directive (mod_log_config, mod_logio, mod_ssl). */
final class FieldDecoders {

    private FieldDecoders() {}

    /**
     * The decoder for {@code directive}.
     *
     * @throws IllegalArgumentException when its argument is missing or wrong (the caller adds the position)
     */
    static FieldDecoder create(Directive directive) {
        String name = directive.text();
        String argument = directive.argument();
        return switch (directive.letter()) {
            case "h", "a" ->
                new TextFields.Client(
                        name,
                        "c".equals(argument)
                                ? TextFields.PEER
                                : directive.letter().equals("a") ? TextFields.CLIENT_IP : TextFields.REMOTE_HOST);
            case "v" -> new TextFields.Host(name, TextFields.CANONICAL_NAME);
            case "V" -> new TextFields.Host(name, TextFields.SERVER_NAME);
            case "i" -> new TextFields.RequestHeader(name, named(directive).toLowerCase(Locale.ROOT));
            case "C" -> new TextFields.Cookie(name, named(directive));
            case "r" -> new TextFields.RequestLineField(name);
            case "m" -> new TextFields.RequestPart(name, Part.METHOD);
            case "U" -> new TextFields.RequestPart(name, Part.PATH);
            case "q" -> new TextFields.RequestPart(name, Part.QUERY);
            case "H" -> new TextFields.RequestPart(name, Part.PROTOCOL);
            case "s" -> new NumberFields.Status(name, directive.statusSelector() == '>' ? 2 : 1);
            case "b" -> new NumberFields.Bytes(name, 2, true);
            case "B" -> new NumberFields.Bytes(name, 2, false);
            case "O" -> new NumberFields.Bytes(name, 1, false);
            case "D" -> new NumberFields.Duration(name, 1, 3);
            case "T" -> duration(name, argument);
            case "t" -> TimeFields.create(name, argument);
            case "k", "p", "I", "S", "^FB" -> new SkippedField(name, Shape.DIGITS);
            case "P" -> new SkippedField(name, "hextid".equals(argument) ? Shape.ANY : Shape.DIGITS);
            case "X" -> new SkippedField(name, Shape.ONE_CHAR);
            case "o", "e", "n", "^ti", "^to", "x", "c" -> {
                named(directive);
                yield new SkippedField(name, Shape.ANY);
            }
            default -> new SkippedField(name, Shape.ANY); // A l u f R L
        };
    }

    /** {@code %T} is whole seconds; {@code %{UNIT}T} takes {@code s}, {@code ms} or {@code us} (httpd 2.4.13). */
    private static FieldDecoder duration(String name, String unit) {
        String lower = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "", "s" -> new NumberFields.Duration(name, 1_000_000L, 1);
            case "ms" -> new NumberFields.Duration(name, 1_000L, 2);
            case "us" -> new NumberFields.Duration(name, 1L, 3);
            default ->
                throw new IllegalArgumentException(name + " has the unit '" + unit + "': %{UNIT}T takes s, ms or us");
        };
    }

    private static String named(Directive directive) {
        String argument = directive.argument();
        if (argument == null || argument.isEmpty()) {
            throw new IllegalArgumentException(directive.text() + " needs a name: %{Name}" + directive.letter());
        }
        return argument;
    }
}
