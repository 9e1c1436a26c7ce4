package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.format.ClfTime;

/**
 * {@code %t} in its forms. Each finds its own end, so text with spaces ({@code %{%d/%b/%Y %T}t}) and
 * several time fields in a row ({@code %{%T}t.%{msec_frac}t}) need no separator. Each writes into the
 * begin or the end time of the line ({@code begin:} is the default, {@code end:} is when the log entry
 * was written).
 */
final class TimeFields {

    private TimeFields() {}

    /** The decoder for {@code %{argument}t} ({@code argument} may be {@code null}). */
    static FieldDecoder create(String name, String argument) {
        String format = argument == null ? "" : argument;
        boolean end = false;
        if (format.equals("begin") || format.startsWith("begin:")) {
            format = format.substring(Math.min(format.length(), 6));
        } else if (format.equals("end") || format.startsWith("end:")) {
            format = format.substring(Math.min(format.length(), 4));
            end = true;
        }
        return switch (format) {
            case "" -> new Clf(name, end);
            case "sec" -> new Epoch(name, end, 1_000_000L, 0);
            case "msec" -> new Epoch(name, end, 1_000L, 0);
            case "usec" -> new Epoch(name, end, 1L, 0);
            case "msec_frac" -> new Epoch(name, end, 1_000L, 3);
            case "usec_frac" -> new Epoch(name, end, 1L, 6);
            default -> new Strftime(name, end, StrftimeCompiler.compile(format));
        };
    }

    static TimeParts target(LineState state, boolean end) {
        return end ? state.end : state.begin;
    }

    static Rejection badTime(String name, int start, String detail) {
        return new Rejection(Reason.BAD_TIME, name, start + 1, detail);
    }

    /** {@code %t}: {@code [10/Oct/2000:13:55:36 -0700]}, brackets included. */
    record Clf(String name, boolean end) implements FieldDecoder {
        private static final int LENGTH = ClfTime.LENGTH + 2;

        @Override
        public boolean selfDelimiting() {
            return true;
        }

        @Override
        public int naturalEnd(String line, int start, int lineEnd, LineState state) {
            if (start < lineEnd && line.charAt(start) != '[') {
                return Extent.BAD_TIME;
            }
            if (start + LENGTH > lineEnd) {
                return Extent.TRUNCATED;
            }
            return line.charAt(start + LENGTH - 1) == ']' ? start + LENGTH : Extent.BAD_TIME;
        }

        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            long micros = ClfTime.parseMicros(line, start + 1);
            if (micros == ClfTime.INVALID) {
                return badTime(name, start, "'" + line.substring(start, end) + "' is not [dd/MMM/yyyy:HH:mm:ss +hhmm]");
            }
            TimeParts parts = target(state, this.end);
            parts.from(name, start + 1);
            parts.epochMicros(micros, true);
            return null;
        }
    }

    /**
     * {@code sec}, {@code msec}, {@code usec} (since the epoch) and {@code msec_frac}, {@code usec_frac}
     * (the fraction of the second: exactly {@code fractionDigits} digits).
     */
    record Epoch(String name, boolean end, long microsPerUnit, int fractionDigits) implements FieldDecoder {
        private static final int MAX_DIGITS = 17;

        @Override
        public boolean selfDelimiting() {
            return true;
        }

        @Override
        public int naturalEnd(String line, int start, int lineEnd, LineState state) {
            int digitsEnd = start;
            while (digitsEnd < lineEnd && line.charAt(digitsEnd) >= '0' && line.charAt(digitsEnd) <= '9') {
                digitsEnd++;
            }
            int wanted = fractionDigits > 0 ? fractionDigits : 1;
            if (digitsEnd - start < wanted) {
                return digitsEnd == lineEnd ? Extent.TRUNCATED : Extent.BAD_TIME;
            }
            return fractionDigits > 0 ? start + fractionDigits : digitsEnd;
        }

        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            long value = end - start <= MAX_DIGITS ? Digits.parse(line, start, end) : -1;
            if (value < 0 || value > Long.MAX_VALUE / microsPerUnit) {
                return badTime(name, start, "'" + line.substring(start, end) + "' is out of range");
            }
            TimeParts parts = target(state, this.end);
            parts.from(name, start + 1);
            if (fractionDigits > 0) {
                parts.fractionMicros((int) (value * microsPerUnit));
            } else {
                parts.epochMicros(value * microsPerUnit, microsPerUnit == 1_000_000L);
            }
            return null;
        }
    }

    /** A strftime format, e.g. {@code %d/%b/%Y:%H:%M:%S %z}; no brackets unless the LogFormat writes them. */
    record Strftime(String name, boolean end, StrftimePart[] parts) implements FieldDecoder {
        @Override
        public boolean selfDelimiting() {
            return true;
        }

        @Override
        public int naturalEnd(String line, int start, int lineEnd, LineState state) {
            state.scratch.reset();
            return read(line, start, lineEnd, state.scratch);
        }

        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            TimeParts target = target(state, this.end);
            target.from(name, start + 1);
            if (read(line, start, end, target) != end) {
                return badTime(name, start, "'" + line.substring(start, end) + "' does not fit the time format");
            }
            return null;
        }

        private int read(String line, int start, int lineEnd, TimeParts out) {
            int pos = start;
            for (StrftimePart part : parts) {
                pos = part.parse(line, pos, lineEnd, out);
                if (pos < 0) {
                    return pos;
                }
            }
            return pos;
        }
    }
}
