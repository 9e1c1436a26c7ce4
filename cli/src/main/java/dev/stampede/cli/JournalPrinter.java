package dev.stampede.cli;

import dev.stampede.engine.journal.JournalEntry;
import dev.stampede.engine.journal.JournalHeader;
import dev.stampede.engine.journal.JournalSummary;
import dev.stampede.engine.journal.JournalTrailer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Prints what {@code stampede journal} found: the summary, or entries one per line. */
final class JournalPrinter {

    private final PrintWriter out;
    private final JournalHeader header;
    private final Instant origin;

    JournalPrinter(PrintWriter out, JournalHeader header) {
        this.out = out;
        this.header = header;
        this.origin = Instant.ofEpochMilli(header.originEpochMillis());
    }

    void summary(Path journal, JournalSummary s, Optional<JournalTrailer> trailer) {
        out.printf(Locale.ROOT, "journal %s (run %s)%n", journal, header.runId());
        out.printf(
                Locale.ROOT,
                "  entries  %,d%s%n",
                s.entries(),
                trailer.map(t -> t.dropped() == 0
                                ? ", none dropped"
                                : String.format(
                                        Locale.ROOT,
                                        ", %,d dropped (the journal fell behind: these requests are"
                                                + " missing here, not from run.json)",
                                        t.dropped()))
                        .orElse(", drops unknown (no trailer: the run did not close its journal)"));
        if (s.entries() == 0) {
            out.flush();
            return;
        }
        out.printf(
                Locale.ROOT,
                "  span     %s .. %s (%.3f s, first intended send to last completion)%n",
                time(s.firstIntendedNanos()),
                time(s.lastDoneNanos()),
                s.spanNanos() / 1e9);
        out.println("  by outcome");
        for (int i = 0; i < header.outcomeCodes().size(); i++) {
            if (s.withOutcome(i) > 0) {
                out.printf(
                        Locale.ROOT,
                        "    %-20s %,12d  %6.2f%%%n",
                        header.outcomeCodes().get(i),
                        s.withOutcome(i),
                        100.0 * s.withOutcome(i) / s.entries());
            }
        }
        out.println("  by endpoint");
        for (int i = 0; i < header.endpoints().size(); i++) {
            if (s.ofEndpoint(i) > 0) {
                out.printf(
                        Locale.ROOT,
                        "    %,12d  %s%n",
                        s.ofEndpoint(i),
                        header.endpoints().get(i));
            }
        }
        if (s.ofUnknownEndpoints() > 0) {
            out.printf(Locale.ROOT, "    %,12d  (endpoint index not in the header)%n", s.ofUnknownEndpoints());
        }
        out.flush();
    }

    /** One entry on one line: where it sits, when it was due, what it was, how it ended, how long it took. */
    void entry(JournalEntry e) {
        out.printf(
                Locale.ROOT,
                "#%d  %s  %s  %s  status %d  latency %.3f ms  send lag %s  %,d bytes  trace %s%n",
                e.index(),
                time(e.intendedNanos()),
                header.endpointName(e.endpoint()),
                header.outcomeCodes().get(e.outcome()),
                e.status(),
                e.latencyNanos() / 1e6,
                e.sent() ? String.format(Locale.ROOT, "%.3f ms", e.sendLagNanos() / 1e6) : "(never sent)",
                e.responseBytes(),
                e.traceHex().isEmpty() ? "-" : e.traceHex());
        out.flush();
    }

    private String time(long relativeNanos) {
        return origin.plusNanos(relativeNanos).toString();
    }
}
