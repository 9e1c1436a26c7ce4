package dev.stampede.logparser;

/** A format whose every line is one request (or a rejected line). Immutable and shared by all threads. */
public interface LineFormat extends LogFormat {

    /** A new parser for one thread's use. */
    LineParser newParser();
}
