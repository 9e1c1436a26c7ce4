package dev.stampede.logparser.format;

import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.LogFormat;
import dev.stampede.logparser.RequestRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Looks at the first lines of a log and suggests the {@code --format} to use: every known line format
 * is tried on them, and document formats are recognised by their shape. The best suggestion parses the
 * most lines; among equals, the one that keeps more fields.
 */
public final class FormatDetector {

    /**
     * One suggestion.
     *
     * @param spec the exact {@code --format} value
     * @param parsed lines of the sample it parsed
     * @param sampled lines in the sample
     * @param note why, or what to check
     */
    public record Suggestion(String spec, int parsed, int sampled, String note) {}

    /** Candidates in order of preference when they parse equally well (richer formats first). */
    private static final List<String> LINE_CANDIDATES =
            List.of("stampede", "main", "combined", "vhost_combined", "common");

    private FormatDetector() {}

    /** Suggestions for {@code sample} (the first lines, up to 100 or so), best first; may be empty. */
    public static List<Suggestion> suggest(List<String> sample) {
        List<Suggestion> suggestions = new ArrayList<>();
        String first = sample.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        String joined = String.join("\n", sample.subList(0, Math.min(sample.size(), 20)));
        if (first.startsWith("\uFEFF{")
                || (first.startsWith("{") && joined.contains("\"entries\"") && joined.contains("\"log\""))) {
            suggestions.add(new Suggestion("har", 0, sample.size(), "looks like a HAR file (JSON with log.entries)"));
        }
        if (joined.contains("\uD83D\uDC35\uD83D\uDE48\uD83D\uDE49") || joined.contains("\u00F0\u009F\u0090\u00B5")) {
            suggestions.add(new Suggestion("gor", 0, sample.size(), "looks like a GoReplay .gor file"));
        }
        if (first.startsWith("#Software") || first.startsWith("#Version") || first.startsWith("#Fields")) {
            suggestions.add(new Suggestion("w3c", 0, sample.size(), "looks like a W3C extended (IIS) log"));
        }
        if (first.startsWith("{")
                && !suggestions.stream().anyMatch(s -> s.spec().equals("har"))) {
            suggestions.add(new Suggestion(
                    "json:<mapping>",
                    0,
                    sample.size(),
                    "JSON lines: map the fields, e.g. json:time=@timestamp,method=request.method,uri=request.uri,"
                            + "status=response.status"));
        }
        if (first.matches("^(http|https|h2|grpcs|ws|wss) \\d{4}-\\d{2}-\\d{2}T.*")) {
            suggestions.add(new Suggestion("alb", 0, sample.size(), "looks like an AWS ALB access log"));
        }
        for (String candidate : LINE_CANDIDATES) {
            LogFormat format = Formats.resolve(candidate);
            if (format instanceof LineFormat line) {
                int parsed = count(line, sample);
                if (parsed > 0) {
                    suggestions.add(new Suggestion(candidate, parsed, nonBlank(sample), format.describe()));
                }
            }
        }
        suggestions.sort(Comparator.comparingInt((Suggestion s) -> -s.parsed()));
        return suggestions;
    }

    private static int count(LineFormat format, List<String> sample) {
        LineParser parser = format.newParser();
        RequestRecord record = new RequestRecord();
        int parsed = 0;
        for (String line : sample) {
            if (parser.parse(line, record.reset()) == null) {
                parsed++;
            }
        }
        return parsed;
    }

    private static int nonBlank(List<String> sample) {
        return (int) sample.stream().filter(l -> !l.isBlank()).count();
    }
}
