package dev.stampede.cli;

import dev.stampede.engine.journal.CorruptJournalException;
import dev.stampede.engine.journal.JournalCsv;
import dev.stampede.engine.journal.JournalEntry;
import dev.stampede.engine.journal.JournalReader;
import dev.stampede.engine.journal.JournalSummary;
import dev.stampede.engine.journal.SlowestEntries;
import dev.stampede.engine.journal.TraceId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stampede journal}: reads a run's result journal: a summary, one trace id, the slowest, or CSV. */
@Command(
        name = "journal",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Reads the result journal of a run (RESULT_DIR/journal: one entry per request with its intended,"
                    + " sent and done times, endpoint, status, bytes, outcome and trace id) in one streaming pass.",
            "Without options, prints a summary: entries, entries dropped when the journal fell behind, the time"
                    + " span, counts by outcome and endpoint. Options can be combined."
        })
final class JournalCommand implements Callable<Integer> {

    /** Entries with one trace id printed at most (a trace id is meant to be unique per request). */
    private static final int MAX_TRACE_MATCHES = 100;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULT_DIR", description = "The run's result directory (or its journal folder).")
    Path resultDir;

    @Option(
            names = "--trace",
            paramLabel = "HEX32",
            description = "Print the request with this W3C trace id (32 hex digits, as the tracing system shows"
                    + " it); exits 1 when there is none.")
    String trace;

    @Option(
            names = "--slowest",
            paramLabel = "N",
            description = "Print the N requests with the highest latency from their intended send time.")
    Integer slowest;

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description = "Write every entry to FILE as CSV (header row; ISO-8601 intended time, then times in ns"
                    + " relative to the run's origin).")
    Path csv;

    @Override
    public Integer call() {
        TraceId traceId = traceId();
        if (slowest != null && slowest < 1) {
            throw new ParameterException(spec.commandLine(), "--slowest must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (JournalReader reader = open()) {
            JournalSummary summary = new JournalSummary(reader.header());
            SlowestEntries slow = slowest == null ? null : new SlowestEntries(slowest);
            List<JournalEntry> matches = new ArrayList<>();
            long matched = readAll(reader, summary, slow, traceId, matches);
            JournalPrinter printer = new JournalPrinter(out, reader.header());
            if (reader.trailer().isEmpty()) {
                err.printf(
                        Locale.ROOT,
                        "stampede: warning: %s has no trailer: the run did not close its journal (killed?);"
                                + " %,d entries read, drops unknown%n",
                        reader.directory(),
                        reader.entriesRead());
            } else if (reader.trailer().get().dropped() > 0 && (traceId != null || slow != null || csv != null)) {
                err.printf(
                        Locale.ROOT,
                        "stampede: note: %,d requests were dropped from this journal (its buffer was full)%n",
                        reader.trailer().get().dropped());
            }
            err.flush();
            if (traceId == null && slow == null && csv == null) {
                printer.summary(reader.directory(), summary, reader.trailer());
                return ExitCode.OK;
            }
            if (slow != null) {
                out.printf(
                        Locale.ROOT,
                        "%d slowest (latency from the intended send time):%n",
                        slow.slowestFirst().size());
                slow.slowestFirst().forEach(printer::entry);
            }
            if (csv != null) {
                out.printf(Locale.ROOT, "wrote %,d entries to %s%n", reader.entriesRead(), csv);
            }
            if (traceId != null) {
                matches.forEach(printer::entry);
                if (matched > matches.size()) {
                    out.printf(Locale.ROOT, "... and %,d more with this trace id%n", matched - matches.size());
                }
                out.flush();
                if (matched == 0) {
                    throw new RunFailedException("no request with trace id " + traceId + " in " + reader.directory());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    private TraceId traceId() {
        if (trace == null) {
            return null;
        }
        try {
            return TraceId.parse(trace);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--trace: " + e.getMessage(), e);
        }
    }

    private JournalReader open() {
        try {
            return JournalReader.open(resultDir);
        } catch (IllegalArgumentException | CorruptJournalException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
    }

    /** One pass feeding every consumer asked for; returns how many entries carry {@code traceId}. */
    private long readAll(
            JournalReader reader,
            JournalSummary summary,
            SlowestEntries slow,
            TraceId traceId,
            List<JournalEntry> matches) {
        long matched = 0;
        JournalEntry entry = new JournalEntry();
        try (BufferedWriter csvOut = csv == null ? null : Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            JournalCsv rows = csvOut == null ? null : new JournalCsv(reader.header(), csvOut);
            while (reader.next(entry)) {
                summary.add(entry);
                if (slow != null) {
                    slow.add(entry);
                }
                if (rows != null) {
                    rows.add(entry);
                }
                if (traceId != null && entry.hasTrace(traceId) && matched++ < MAX_TRACE_MATCHES) {
                    matches.add(entry.copy());
                }
            }
        } catch (IOException e) {
            throw new RunFailedException("cannot write " + csv + ": " + e.getMessage(), e);
        } catch (CorruptJournalException e) {
            throw new RunFailedException(
                    e.getMessage() + (csv == null ? "" : " (" + csv + " holds the entries before it)"), e);
        }
        return matched;
    }
}
