package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.format.ClfTime;
import java.time.Month;
import java.time.Year;
import java.util.Arrays;

/**
 * The parts of one time (the request's begin or its end) gathered from one or more time fields, e.g.
 * {@code %{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t}. Mutable, reset per line.
 */
final class TimeParts {

    /** No time field set anything, or the parts do not make a date. */
    static final long UNSET = Long.MIN_VALUE;
    /** The parts make no valid date (31 February, hour 25). */
    static final long INVALID = Long.MIN_VALUE + 1;

    static final int NONE = Integer.MIN_VALUE;

    private String field;
    private int column;
    private long epochMicros;
    private boolean epochWholeSeconds;
    private int fractionMicros;
    private final int[] values = new int[TimeUnitField.values().length];

    TimeParts() {
        reset();
    }

    void reset() {
        field = null;
        column = 0;
        epochMicros = UNSET;
        epochWholeSeconds = false;
        fractionMicros = NONE;
        Arrays.fill(values, NONE);
    }

    /** Notes the first field that contributes, for rejections. */
    void from(String name, int startColumn) {
        if (field == null) {
            field = name;
            column = startColumn;
        }
    }

    String field() {
        return field;
    }

    int column() {
        return column;
    }

    void set(TimeUnitField unit, int value) {
        values[unit.ordinal()] = value;
    }

    int get(TimeUnitField unit) {
        return values[unit.ordinal()];
    }

    /** An absolute time; {@code wholeSeconds} when a fraction field may refine it. */
    void epochMicros(long micros, boolean wholeSeconds) {
        epochMicros = micros;
        epochWholeSeconds = wholeSeconds;
    }

    void fractionMicros(int micros) {
        fractionMicros = micros;
    }

    /** Epoch microseconds, {@link #UNSET} when the parts are not a whole date, or {@link #INVALID}. */
    long resolve() {
        int fraction = fractionMicros == NONE ? 0 : fractionMicros;
        if (epochMicros != UNSET) {
            return epochWholeSeconds ? epochMicros + fraction : epochMicros;
        }
        int year = year();
        long epochDay = year == NONE ? UNSET : epochDay(year);
        if (epochDay == UNSET || epochDay == INVALID) {
            return epochDay;
        }
        int hour = hour();
        int minute = orZero(get(TimeUnitField.MINUTE));
        int second = orZero(get(TimeUnitField.SECOND));
        if (hour < 0 || hour > 23 || minute > 59 || second > 60) {
            return INVALID;
        }
        int offset = get(TimeUnitField.OFFSET_SECONDS);
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - orZero(offset);
        return seconds * 1_000_000L + fraction;
    }

    private int year() {
        int full = get(TimeUnitField.YEAR);
        int twoDigits = get(TimeUnitField.YEAR_OF_CENTURY);
        if (full != NONE || twoDigits == NONE) {
            return full;
        }
        int century = get(TimeUnitField.CENTURY);
        if (century != NONE) {
            return century * 100 + twoDigits;
        }
        return twoDigits < 69 ? 2000 + twoDigits : 1900 + twoDigits; // POSIX strptime's rule
    }

    private long epochDay(int year) {
        int month = get(TimeUnitField.MONTH);
        int day = get(TimeUnitField.DAY);
        int dayOfYear = get(TimeUnitField.DAY_OF_YEAR);
        boolean leap = Year.isLeap(year);
        if (month != NONE && day != NONE) {
            if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(leap)) {
                return INVALID;
            }
            return ClfTime.epochDay(year, month, day);
        }
        if (dayOfYear != NONE) {
            if (dayOfYear < 1 || dayOfYear > (leap ? 366 : 365)) {
                return INVALID;
            }
            return ClfTime.epochDay(year, 1, 1) + dayOfYear - 1;
        }
        return UNSET;
    }

    /** The 24-hour hour; a 12-hour clock without AM/PM is taken as AM. -1 when invalid. */
    private int hour() {
        int hour = get(TimeUnitField.HOUR);
        int hour12 = get(TimeUnitField.HOUR12);
        if (hour != NONE || hour12 == NONE) {
            return orZero(hour);
        }
        if (hour12 < 1 || hour12 > 12) {
            return -1;
        }
        return hour12 % 12 + (get(TimeUnitField.PM) == 1 ? 12 : 0);
    }

    private static int orZero(int value) {
        return value == NONE ? 0 : value;
    }
}
