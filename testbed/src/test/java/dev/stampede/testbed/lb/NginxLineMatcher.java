package dev.stampede.testbed.lb;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a log line is something nginx could have written with a given {@code log_format}.
 * Reusable by any test in this package, e.g. over every line of a real LB log: {@code
 * NginxLineMatcher.forFormat(NginxLogFormat.STAMPEDE).match(line)}.
 *
 * <p>It is built from the format string alone and shares no code with {@link NginxLogFormat}, so the
 * two cannot agree by accident. Each literal becomes a quoted regex; each variable becomes a regex of
 * what nginx can emit for it: numbers and times in nginx's layouts, and for free text only printable
 * ASCII without a raw {@code "} or {@code \}, plus {@code \xHH} escapes with uppercase hex. Every
 * variable may also be {@code -}, the empty/unset value (free text includes it anyway).
 */
final class NginxLineMatcher {

    /** One byte of escaped text: printable ASCII except {@code "} and {@code \}, or {@code \xHH}. */
    private static final String CHAR = "(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\x[0-9A-F]{2})";
    /** The same without the space: for values that cannot contain one (a request target, an address). */
    private static final String CHAR_NO_SPACE = "(?:[\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\x[0-9A-F]{2})";
    /**
     * No ASCII capitals: nginx lowercases {@code $host}. (nginx would also refuse a Host with a space
     * in it; the testbed's LB does not validate hosts, so the space is allowed here.)
     */
    private static final String CHAR_LOWER = "(?:[\\x20\\x21\\x23-\\x40\\x5B\\x5D-\\x7E]|\\\\x[0-9A-F]{2})";

    private static final String TEXT = CHAR + "+";
    private static final String WORD = CHAR_NO_SPACE + "+";
    private static final String SECONDS = "\\d+\\.\\d{3}";
    private static final String METHOD = "[A-Z_-]+";

    private final String format;
    private final List<String> parts = new ArrayList<>(); // regex per literal or variable, in order
    private final List<String> variables = new ArrayList<>();
    private final List<Integer> variableParts = new ArrayList<>(); // index in parts of each variable
    private final Pattern pattern;

    private NginxLineMatcher(String format) {
        this.format = format;
        Matcher variable = Pattern.compile("\\$(?:\\{(\\w+)}|(\\w+))").matcher(format);
        int literalStart = 0;
        while (variable.find()) {
            addLiteral(format.substring(literalStart, variable.start()));
            String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
            variables.add(name);
            variableParts.add(parts.size());
            parts.add("(" + regexFor(name) + ")");
            literalStart = variable.end();
        }
        addLiteral(format.substring(literalStart));
        this.pattern = Pattern.compile(String.join("", parts));
    }

    /** A matcher for {@code format}; throws IllegalArgumentException for a variable it does not know. */
    static NginxLineMatcher forFormat(String format) {
        return new NginxLineMatcher(format);
    }

    /**
     * Matches {@code line} (without its line separator) against the format.
     *
     * @return variable name to its raw, still escaped text, in format order (first occurrence wins)
     * @throws AssertionError quoting the line and saying from which part of the format on it differs
     */
    Map<String, String> match(String line) {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            throw new AssertionError(describeMismatch(line));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.putIfAbsent(variables.get(i), m.group(i + 1));
        }
        return values;
    }

    /** Whether {@code line} matches the format. */
    boolean matches(String line) {
        return pattern.matcher(line).matches();
    }

    /** The variable names in format order. */
    List<String> variables() {
        return List.copyOf(variables);
    }

    /** The whole-line regex, for error messages. */
    Pattern pattern() {
        return pattern;
    }

    /**
     * Undoes nginx's escaping: each {@code \xHH} becomes the byte HH, every other character (which a
     * matched value guarantees is printable ASCII) its own byte.
     */
    static byte[] unescape(String escaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        int i = 0;
        while (i < escaped.length()) {
            char c = escaped.charAt(i);
            if (c == '\\') {
                if (i + 4 > escaped.length() || escaped.charAt(i + 1) != 'x') {
                    throw new IllegalArgumentException("bad escape at " + i + " in " + escaped);
                }
                bytes.write(Integer.parseInt(escaped.substring(i + 2, i + 4), 16));
                i += 4;
            } else if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("raw character 0x" + Integer.toHexString(c) + " in " + escaped);
            } else {
                bytes.write(c);
                i++;
            }
        }
        return bytes.toByteArray();
    }

    /** What nginx can write for {@code name}; unknown names are an error, as in nginx. */
    static String regexFor(String name) {
        String lower = name.toLowerCase(Locale.ROOT); // nginx variable names are not case-sensitive
        return switch (lower) {
            case "status" -> "\\d{3}";
            case "body_bytes_sent", "bytes_sent", "request_length", "connection" -> "\\d+";
            case "msec", "request_time" -> SECONDS;
            // Several upstreams tried: "0.002, 0.001"; a response from an internal redirect: "x : y".
            case "upstream_response_time" -> "(?:" + SECONDS + "|-)(?:(?:, | : )(?:" + SECONDS + "|-))*";
            case "upstream_addr" -> WORD + "(?:(?:, | : )" + WORD + ")*";
            case "time_local" -> "\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}";
            case "time_iso8601" -> "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";
            case "remote_addr" -> "[0-9A-Za-z.:%]+"; // IPv4, IPv6 (with a zone), "unix:"
            case "request_method" -> METHOD; // nginx refuses any other method name with 400
            // An HTTP/0.9 request line has no protocol.
            case "request" -> METHOD + " " + WORD + "(?: HTTP/\\d\\.\\d)?";
            case "request_uri", "args" -> WORD;
            case "host" -> CHAR_LOWER + "+";
            case "uri", "remote_user", "request_body" -> TEXT; // $uri is decoded: it may hold spaces
            default -> {
                if (lower.matches("(?:http|cookie|upstream_cookie)_\\w+")) {
                    yield TEXT;
                }
                throw new IllegalArgumentException("no regex for log variable $" + name);
            }
        };
    }

    private void addLiteral(String literal) {
        if (!literal.isEmpty()) {
            parts.add(Pattern.quote(literal));
        }
    }

    /** Finds the longest leading run of parts the line matches, to point at where it goes wrong. */
    private String describeMismatch(String line) {
        int good = 0;
        int column = 0;
        for (int n = parts.size() - 1; n >= 1; n--) {
            Matcher prefix =
                    Pattern.compile(String.join("", parts.subList(0, n))).matcher(line);
            if (prefix.lookingAt()) {
                good = n;
                column = prefix.end();
                break;
            }
        }
        int variable = variableParts.indexOf(good);
        String where = variable >= 0 ? "variable $" + variables.get(variable) : "literal " + parts.get(good);
        return "log line does not match format\n  format: " + format + "\n  line:   " + line + "\n  differs at " + where
                + ", column " + column + ": " + line.substring(column);
    }
}
