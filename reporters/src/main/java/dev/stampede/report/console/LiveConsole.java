package dev.stampede.report.console;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live console of a running load, on stderr. On a terminal: one line rewritten in place every
 * interval, with a progress bar when the planned length is known. Elsewhere (a file, a CI log): plain
 * lines without control characters, quietly: each of the first {@value #FIRST_LINES} intervals, then one
 * line every {@value #EVERY_SECONDS} seconds, and any interval with errors, unsent requests or a guard
 * not ok.
 *
 * <pre>
 * [  12s/1m] 2000/2000 req/s  in flight 12  p50 1.20 ms  p99 3.40 ms  max 9.10 ms  4xx 0 5xx 0 transport 0 timeout 0  unsent 0  send-lag p99 0.05 ms  guards 2/2 ok
 * </pre>
 *
 * Thread-safe: the interval thread calls {@link #show}, the run's end {@link #done}.
 */
public final class LiveConsole {

    /** Plain output shows each of the first intervals. */
    static final int FIRST_LINES = 10;
    /** Then one line this often. */
    static final int EVERY_SECONDS = 10;

    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private final boolean terminal;
    private long frames;
    private long lastPlainSecond = -1;
    private boolean lineOpen;

    /**
     * @param err where the lines go
     * @param terminal whether {@code err} is a terminal (lines rewritten in place)
     */
    public LiveConsole(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Whether this process's console is a terminal a line can be rewritten on. */
    public static boolean onTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.equals("dumb");
    }

    /** Shows one interval. */
    public synchronized void show(ConsoleFrame frame) {
        frames++;
        String line = line(frame);
        if (terminal) {
            err.print("\r\033[2K" + bar(frame) + line);
            lineOpen = true;
        } else {
            long second = (long) frame.elapsedSeconds();
            boolean due = frames <= FIRST_LINES || second / EVERY_SECONDS != lastPlainSecond / EVERY_SECONDS;
            if (!due && !frame.eventful()) {
                return;
            }
            lastPlainSecond = second;
            err.println(line);
        }
        err.flush();
    }

    /** Ends a rewritten line so what follows starts on its own line. */
    public synchronized void done() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    /** The line without a bar. */
    static String line(ConsoleFrame f) {
        StringBuilder line = new StringBuilder(200);
        line.append('[').append(String.format(Locale.ROOT, "%4ds", (long) f.elapsedSeconds()));
        if (Double.isFinite(f.plannedSeconds())) {
            line.append('/').append(duration(f.plannedSeconds()));
        }
        line.append("] ");
        String achieved = String.format(Locale.ROOT, "%.0f", f.achievedRate());
        if (Double.isFinite(f.targetRate())) {
            String target = f.unit().equals("x")
                    ? String.format(Locale.ROOT, "speed %sx", number(f.targetRate()))
                    : number(f.targetRate()) + " req/s";
            line.append(achieved).append(" req/s (target ").append(target).append(')');
        } else {
            line.append(achieved).append(" req/s");
        }
        line.append(String.format(
                Locale.ROOT,
                "  in flight %d  p50 %s  p99 %s  max %s  4xx %d 5xx %d transport %d timeout %d  unsent %d"
                        + "  send-lag p99 %s",
                f.inFlight(),
                millis(f.p50Nanos()),
                millis(f.p99Nanos()),
                millis(f.maxNanos()),
                f.http4xx(),
                f.http5xx(),
                f.transport(),
                f.timeouts(),
                f.unsent(),
                millis(f.sendLagP99Nanos())));
        if (!f.guards().isEmpty()) {
            line.append("  ").append(f.guards().strip());
        }
        return line.toString();
    }

    /** {@code [#####...............]  25% } when the planned length is known, else "". */
    static String bar(ConsoleFrame f) {
        if (!Double.isFinite(f.plannedSeconds()) || f.plannedSeconds() <= 0) {
            return "";
        }
        double done = Math.min(1, Math.max(0, f.elapsedSeconds() / f.plannedSeconds()));
        int filled = (int) Math.round(done * BAR_WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3.0f%% ", done * 100);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m" + s % 60 + "s";
        }
        return s / 3600 + "h" + (s % 3600) / 60 + "m";
    }
}
