package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.format.apache.StrftimePart.AmPm;
import dev.stampede.logparser.format.apache.StrftimePart.EpochSeconds;
import dev.stampede.logparser.format.apache.StrftimePart.Name;
import dev.stampede.logparser.format.apache.StrftimePart.Number;
import dev.stampede.logparser.format.apache.StrftimePart.Offset;
import dev.stampede.logparser.format.apache.StrftimePart.Text;
import dev.stampede.logparser.format.apache.StrftimePart.Whitespace;
import dev.stampede.logparser.format.apache.StrftimePart.ZoneName;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles the strftime format of {@code %{format}t} into parts that read it back. Composite conversions
 * ({@code %T %D %F %R %r %c %x %X}) expand to what they mean in the "C" locale.
 */
final class StrftimeCompiler {

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    /** Full names first, so the longest match wins; the index modulo 12 is the month. */
    private static final String[] MONTHS_FULL = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec"
    };

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] DAYS_FULL = {
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun"
    };

    private final List<StrftimePart> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private StrftimeCompiler() {}

    /**
     * The parts of {@code format}.
     *
     * @throws IllegalArgumentException for a conversion it cannot read back
     */
    static StrftimePart[] compile(String format) {
        StrftimeCompiler compiler = new StrftimeCompiler();
        compiler.add(format);
        compiler.flushText();
        return compiler.parts.toArray(new StrftimePart[0]);
    }

    private void add(String format) {
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                text.append(c);
                continue;
            }
            i++;
            if (i < format.length() && (format.charAt(i) == 'E' || format.charAt(i) == 'O')) {
                i++; // POSIX's alternative-representation modifiers: the C locale has none
            }
            if (i >= format.length()) {
                throw new IllegalArgumentException("the time format '" + format + "' ends with a lone %");
            }
            conversion(format.charAt(i));
        }
    }

    private void conversion(char c) {
        switch (c) {
            case '%' -> text.append('%');
            case 'T', 'X' -> add("%H:%M:%S");
            case 'D', 'x' -> add("%m/%d/%y");
            case 'F' -> add("%Y-%m-%d");
            case 'R' -> add("%H:%M");
            case 'r' -> add("%I:%M:%S %p");
            case 'c' -> add("%a %b %e %H:%M:%S %Y");
            default -> part(single(c));
        }
    }

    private static StrftimePart single(char c) {
        return switch (c) {
            case 'Y' -> new Number(TimeUnitField.YEAR, 4, false);
            case 'y' -> new Number(TimeUnitField.YEAR_OF_CENTURY, 2, false);
            case 'C' -> new Number(TimeUnitField.CENTURY, 2, false);
            case 'm' -> new Number(TimeUnitField.MONTH, 2, false);
            case 'd' -> new Number(TimeUnitField.DAY, 2, false);
            case 'e' -> new Number(TimeUnitField.DAY, 2, true);
            case 'j' -> new Number(TimeUnitField.DAY_OF_YEAR, 3, false);
            case 'H' -> new Number(TimeUnitField.HOUR, 2, false);
            case 'k' -> new Number(TimeUnitField.HOUR, 2, true);
            case 'I' -> new Number(TimeUnitField.HOUR12, 2, false);
            case 'l' -> new Number(TimeUnitField.HOUR12, 2, true);
            case 'M' -> new Number(TimeUnitField.MINUTE, 2, false);
            case 'S' -> new Number(TimeUnitField.SECOND, 2, false);
            case 'u', 'w' -> new Number(TimeUnitField.IGNORED, 1, false);
            case 'U', 'V', 'W', 'g' -> new Number(TimeUnitField.IGNORED, 2, false);
            case 'G' -> new Number(TimeUnitField.IGNORED, 4, false);
            case 'b', 'h' -> new Name(MONTHS, TimeUnitField.MONTH);
            case 'B' -> new Name(MONTHS_FULL, TimeUnitField.MONTH);
            case 'a' -> new Name(DAYS, TimeUnitField.IGNORED);
            case 'A' -> new Name(DAYS_FULL, TimeUnitField.IGNORED);
            case 'p', 'P' -> new AmPm();
            case 'z' -> new Offset();
            case 'Z' -> new ZoneName();
            case 's' -> new EpochSeconds();
            case 'n', 't' -> new Whitespace();
            default ->
                throw new IllegalArgumentException(
                        "the time format has %" + c + ", a strftime conversion Stampede cannot read back");
        };
    }

    private void part(StrftimePart part) {
        flushText();
        parts.add(part);
    }

    private void flushText() {
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
            text.setLength(0);
        }
    }
}
