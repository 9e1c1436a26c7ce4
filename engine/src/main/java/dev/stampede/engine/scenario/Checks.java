package dev.stampede.engine.scenario;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Small checks the validators share, each reporting into {@link Problems} under one field. */
final class Checks {

    /** Requests per second no generator on one machine reaches; above it is a typo. */
    static final double MAX_RATE_PER_SEC = 10_000_000;

    private Checks() {}

    /** A number as the user wrote it: {@code -2}, not {@code -2.0}. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static void positive(Problems problems, String field, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            problems.add(field, "must be above 0, got " + DurationFormat.format(value));
        }
    }

    static void rate(Problems problems, String field, double ratePerSec) {
        if (!(ratePerSec > 0) || ratePerSec > MAX_RATE_PER_SEC) {
            problems.add(field, "must be above 0 and at most 10000000 requests per second, got " + number(ratePerSec));
        }
    }

    static void directory(Problems problems, String field, Path dir, String what) {
        if (dir != null && !Files.isDirectory(dir)) {
            problems.add(
                    field,
                    (Files.exists(dir) ? "not a directory: " : "no such directory: ") + dir + " (expected " + what
                            + "; relative paths start at the scenario file's directory)");
        }
    }

    static void modelDirectory(Problems problems, String field, Path dir) {
        directory(problems, field, dir, "a model directory, as stampede model -o writes it");
        if (dir != null && Files.isDirectory(dir) && !Files.isRegularFile(dir.resolve("model.json"))) {
            problems.add(
                    field,
                    "no model.json in " + dir + " (expected a model directory, as stampede model -o" + " writes it)");
        }
    }

    static void file(Problems problems, String field, Path file, String what) {
        if (file != null && !Files.isRegularFile(file)) {
            problems.add(
                    field,
                    (Files.exists(file) ? "not a file: " : "no such file: ") + file + " (expected " + what
                            + "; relative paths start at the scenario file's directory)");
        }
    }

    /** An HTTP token (RFC 9110): a header name or method. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static void headerName(Problems problems, String field, String name) {
        if (!isToken(name)) {
            problems.addAtKey(field, "'" + name + "' is not a header name (expected letters, digits and -)");
        }
    }

    /** A header value: no line breaks or other control characters but tab. */
    static void headerValue(Problems problems, String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                problems.add(field, "holds a control character at " + i + " (a header value is one line)");
                return;
            }
        }
    }

    static boolean isHttps(URI target) {
        return target != null && "https".equals(lower(target.getScheme()));
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
