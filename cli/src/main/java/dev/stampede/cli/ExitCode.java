package dev.stampede.cli;

/** The process exit codes every stampede command keeps to, so scripts and CI can rely on them. */
public final class ExitCode {

    /** The command did what was asked (for a test run: every gate passed). */
    public static final int OK = 0;

    /** The command was understood but the run failed (bad input file, target unreachable, gate failed). */
    public static final int RUN_FAILED = 1;

    /**
     * {@code stampede compare} found a regression (the same value as {@link #RUN_FAILED}: any CI fails the
     * job on it; a comparison that could not be made exits {@link #USAGE} instead).
     */
    public static final int REGRESSION = 1;

    /** The command line itself was wrong: unknown option, missing argument, bad value. */
    public static final int USAGE = 2;

    private ExitCode() {}
}
