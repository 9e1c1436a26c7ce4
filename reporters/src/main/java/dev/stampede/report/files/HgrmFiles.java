package dev.stampede.report.files;

import dev.stampede.common.files.ResultFiles;
import dev.stampede.report.model.RunResults;
import dev.stampede.report.model.SeriesResults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The {@code .hgrm} files: each series' latency from the intended send time as HdrHistogram's own
 * percentile distribution ({@link Histogram#outputPercentileDistribution(PrintStream, Double)} with a
 * scaling ratio of 1,000,000: values in <b>milliseconds</b>, five ticks per half-distance), which
 * HdrHistogram's plotter (hdrhistogram.github.io/HdrHistogram/plotFiles.html) and {@code
 * HistogramLogProcessor}'s own {@code .hgrm} output share.
 *
 * <p>File names: {@value #OVERALL_FILE} for all endpoints; per endpoint, its name made safe for every
 * file system ({@link #stem}): ASCII letters, digits, {@code .} and {@code -} kept, every other run of
 * characters one {@code _}, no {@code _} at either end and no {@code .} at the start, at most 80 characters, then {@code .hgrm} ({@code GET
 * /api/quote/{code}} becomes {@code GET_api_quote_code.hgrm}). Where that would collide (two endpoints
 * alike but for case or punctuation, an empty stem, or the stem {@code latency}), each endpoint involved
 * gets {@code -} and the first 8 hex digits of its name's SHA-256 appended instead, so a name never
 * depends on the order of endpoints. {@code summary.json} names each endpoint's file.
 */
public final class HgrmFiles {

    /** The overall distribution's file. */
    public static final String OVERALL_FILE = "latency.hgrm";

    private static final int MAX_STEM = 80;

    private HgrmFiles() {}

    /** Each endpoint's file name, by endpoint name (in the given order), none equal to another. */
    public static Map<String, String> fileNames(List<String> endpoints) {
        Map<String, Integer> uses = new HashMap<>();
        for (String name : endpoints) {
            uses.merge(key(stem(name)), 1, Integer::sum);
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : endpoints) {
            String stem = stem(name);
            if (stem.isEmpty() || uses.get(key(stem)) > 1 || key(stem).equals("latency")) {
                stem = (stem.isEmpty() ? "endpoint" : stem) + "-" + hash(name);
            }
            files.put(name, stem + ".hgrm");
        }
        return files;
    }

    /** The endpoint's name made safe for a file name (see the class comment). */
    static String stem(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length() && out.length() < MAX_STEM; i++) {
            char c = name.charAt(i);
            boolean kept =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (kept) {
                if (gap && out.length() > 0) {
                    out.append('_');
                }
                out.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        while (out.length() > 0 && (out.charAt(0) == '.' || out.charAt(0) == '_')) {
            out.deleteCharAt(0); // no hidden files, no "." or ".."
        }
        return out.toString();
    }

    private static String key(String stem) {
        return stem.toLowerCase(Locale.ROOT); // case-insensitive file systems (macOS, Windows)
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The distribution of {@code histogram} (ns) in milliseconds, as the text of a {@code .hgrm} file. */
    public static String distribution(Histogram histogram) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            histogram.outputPercentileDistribution(out, 1_000_000.0);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Writes {@value #OVERALL_FILE} and one file per endpoint into the results' directory. */
    static List<Path> write(RunResults results) throws IOException {
        List<Path> written = new ArrayList<>();
        Path dir = results.directory();
        written.add(ResultFiles.replace(
                dir.resolve(OVERALL_FILE), distribution(results.overall().latency())));
        Map<String, String> names =
                fileNames(results.endpoints().stream().map(SeriesResults::name).toList());
        for (SeriesResults endpoint : results.endpoints()) {
            written.add(ResultFiles.replace(dir.resolve(names.get(endpoint.name())), distribution(endpoint.latency())));
        }
        return written;
    }
}
