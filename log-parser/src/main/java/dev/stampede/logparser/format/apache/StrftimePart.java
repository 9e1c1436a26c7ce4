package dev.stampede.logparser.format.apache;

/**
 * One conversion or literal of a strftime format, read back from a line. Immutable; must not allocate.
 * The C library writes these in the "C" locale (English names), which is what they read.
 */
interface StrftimePart {

    /**
     * Reads this part at {@code pos} into {@code out}.
     *
     * @return the index after it, or {@link Extent#TRUNCATED} / {@link Extent#BAD_TIME}
     */
    int parse(String line, int pos, int lineEnd, TimeParts out);

    /** Text written as is. */
    record Text(String text) implements StrftimePart {
        @Override
        public int parse(String line, int pos, int lineEnd, TimeParts out) {
            int end = pos + text.length();
            if (end <= lineEnd && line.regionMatches(pos, text, 0, text.length())) {
                return end;
            }
            return end > lineEnd && line.regionMatches(pos, text, 0, lineEnd - pos)
                    ? Extent.TRUNCATED
                    : Extent.BAD_TIME;
        }
    }

    /**
     * A number of up to {@code maxDigits} digits (strftime pads them, so it reads greedily), zero-padded
     * or, when {@code spacePadded} ({@code %e %k %l}), space-padded.
     */
    record Number(TimeUnitField unit, int maxDigits, boolean spacePadded) implements StrftimePart {
        @Override
        public int parse(String line, int pos, int lineEnd, TimeParts out) {
            int i = pos;
            while (spacePadded && i < lineEnd && i - pos < maxDigits - 1 && line.charAt(i) == ' ') {
                i++;
            }
            int digitsStart = i;
            int value = 0;
            while (i < lineEnd && i - digitsStart < maxDigits && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                value = value * 10 + (line.charAt(i) - '0');
                i++;
            }
            if (i == digitsStart) {
                return i >= lineEnd ? Extent.TRUNCATED : Extent.BAD_TIME;
            }
            out.set(unit, value);
            return i;
        }
    }

    /** {@code %s}: seconds since the epoch. */
    record EpochSeconds() implements StrftimePart {
        private static final int MAX_DIGITS = 12;

        @Override
        public int parse(String line, int pos, int lineEnd, TimeParts out) {
            int end = Math.min(Digits.naturalEnd(line, pos, lineEnd), pos + MAX_DIGITS);
            long seconds = Digits.parse(line, pos, end);
            if (seconds < 0) {
                return pos >= lineEnd ? Extent.TRUNCATED : Extent.BAD_TIME;
            }
            out.epochMicros(seconds * 1_000_000L, true);
            return end;
        }
    }

    /** A month or weekday name ({@code %b %B %a %A}); its index from 1 goes to {@code unit}. */
    record Name(String[] names, TimeUnitField unit) implements StrftimePart {
        @Override
        public int parse(String line, int pos, int lineEnd, TimeParts out) {
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                if (pos + name.length() <= lineEnd && line.regionMatches(true, pos, name, 0, name.length())) {
                    out.set(unit, i % 12 + 1);
                    return pos + name.length();
                }
            }
            return pos + 3 > lineEnd ? Extent.TRUNCATED : Extent.BAD_TIME;
        }
    }

    /** {@code %z}: {@code +hhmm}, also {@code +hh:mm} and {@code Z}. */
    record Offset() implements StrftimePart {
        @Override
        public int parse(String line, int pos, int lineEnd, TimeParts out) {
            if (pos < lineEnd && line.charAt(pos) == 'Z') {
                out.set(TimeUnitField.OFFSET_SECONDS, 0);
                return pos + 1;
            }
            if (pos + 5 > lineEnd) {
                return Extent.TRUNCATED;
            }
            char sign = line.charAt(pos);
            int minutesAt = line.charAt(pos + 3) == ':' ? pos + 4 : pos + 3;
            long hours = Digits.parse(line, pos + 1, pos + 3);
            long minutes = minutesAt + 2 <= lineEnd ? Digits.parse(line, minutesAt, minutesAt + 2) : -1;
            if ((sign != '+' && sign != '-') || hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
                return minutesAt + 2 > lineEnd ? Extent.TRUNCATED : Extent.BAD_TIME;
            }
            int seconds = (int) (hours * 3600 + minutes * 60);
            out.set(TimeUnitField.OFFSET_SECONDS, sign == '-' ? -seconds : seconds);
            return minutesAt + 2;
        }
    }

    /**
     * {@code %Z}: a zone abbreviation. Only UTC, GMT, UT and Z tell the offset; others are read over (the
     * time is then taken as UTC unless {@code %z} is also logged).
     */
    record ZoneName() implements StrftimePart {
        @Override
        public int parse(String line, int pos, int lineEnd, TimeParts out) {
            int i = pos;
            if (i < lineEnd && (line.charAt(i) == '+' || line.charAt(i) == '-')) {
                i = Math.max(Digits.naturalEnd(line, i + 1, lineEnd), i + 1);
            } else {
                while (i < lineEnd && Character.isLetter(line.charAt(i))) {
                    i++;
                }
            }
            if (i == pos) {
                return pos >= lineEnd ? Extent.TRUNCATED : Extent.BAD_TIME;
            }
            boolean utc = (i - pos == 3 && (line.startsWith("UTC", pos) || line.startsWith("GMT", pos)))
                    || (i - pos == 2 && line.startsWith("UT", pos))
                    || (i - pos == 1 && line.charAt(pos) == 'Z');
            if (utc && out.get(TimeUnitField.OFFSET_SECONDS) == TimeParts.NONE) {
                out.set(TimeUnitField.OFFSET_SECONDS, 0);
            }
            return i;
        }
    }

    /** {@code %p}: AM or PM. */
    record AmPm() implements StrftimePart {
        @Override
        public int parse(String line, int pos, int lineEnd, TimeParts out) {
            if (pos + 2 > lineEnd) {
                return Extent.TRUNCATED;
            }
            char first = Character.toUpperCase(line.charAt(pos));
            char second = Character.toUpperCase(line.charAt(pos + 1));
            if ((first != 'A' && first != 'P') || second != 'M') {
                return Extent.BAD_TIME;
            }
            out.set(TimeUnitField.PM, first == 'P' ? 1 : 0);
            return pos + 2;
        }
    }

    /** {@code %n} and {@code %t}: one whitespace character. */
    record Whitespace() implements StrftimePart {
        @Override
        public int parse(String line, int pos, int lineEnd, TimeParts out) {
            if (pos >= lineEnd) {
                return Extent.TRUNCATED;
            }
            char c = line.charAt(pos);
            return c == ' ' || c == '\t' || c == '\n' ? pos + 1 : Extent.BAD_TIME;
        }
    }
}
