package dev.stampede.cli;

import dev.stampede.logparser.pipeline.ParseProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The parse progress on stderr: one line rewritten in place on a terminal, or a plain line every ten
 * seconds when the output is a file or a CI log.
 */
final class ProgressLine implements Consumer<ParseProgress> {

    private final PrintWriter err;
    private final boolean terminal;
    private boolean written;
    private long ticks;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void accept(ParseProgress p) {
        ticks++;
        if (!terminal && ticks % 10 != 0) {
            return;
        }
        String done = p.percentDone() < 0 ? "" : String.format(Locale.ROOT, "%5.1f%%  ", p.percentDone());
        String line = String.format(
                Locale.ROOT,
                "parse: %s%,d lines  %,.0f lines/s  %.1f MB/s  %.0fs",
                done,
                p.linesRead(),
                p.linesPerSecond(),
                p.megabytesPerSecond(),
                p.elapsedSeconds());
        if (terminal) {
            err.print("\r" + line + "   ");
        } else {
            err.println(line);
        }
        err.flush();
        written = true;
    }

    /** Ends the rewritten line so what follows starts on its own line. */
    synchronized void done() {
        if (terminal && written) {
            err.println();
            err.flush();
        }
    }
}
