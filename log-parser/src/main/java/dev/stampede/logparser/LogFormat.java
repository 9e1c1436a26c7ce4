package dev.stampede.logparser;

/**
 * A log format Stampede can read. Line formats ({@link LineFormat}) parse each line on its own, so the
 * pipeline can parse batches of lines in parallel; document formats ({@link DocumentFormat}) read a
 * whole input (GoReplay's multi-line entries, a HAR file, W3C logs whose {@code #Fields} change).
 */
public interface LogFormat {

    /** Short name, e.g. {@code nginx}, {@code apache}, {@code har}. */
    String name();

    /** What this format reads, with its definition when it has one, for summaries and {@code --detect}. */
    String describe();
}
