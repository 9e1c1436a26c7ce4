package dev.stampede.logparser.format.apache;

/** What a number or name in a strftime time sets in {@link TimeParts}. */
enum TimeUnitField {
    YEAR,
    YEAR_OF_CENTURY,
    CENTURY,
    MONTH,
    DAY,
    DAY_OF_YEAR,
    HOUR,
    HOUR12,
    /** 1 for PM, 0 for AM. */
    PM,
    MINUTE,
    SECOND,
    OFFSET_SECONDS,
    /** Parsed for the shape, not used: weekday and week numbers. */
    IGNORED
}
