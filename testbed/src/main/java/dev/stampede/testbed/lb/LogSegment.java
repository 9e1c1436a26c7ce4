package dev.stampede.testbed.lb;

/**
 * One precompiled piece of a log line: a literal or a variable. Implementations are immutable (or
 * hold only a thread-safe cache), because one {@link NginxLogFormat} renders on every event loop at
 * once.
 */
@FunctionalInterface
interface LogSegment {

    /** Appends this segment's text for {@code entry}, already escaped, to {@code out}. */
    void render(AccessLogEntry entry, StringBuilder out);
}
