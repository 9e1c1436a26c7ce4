package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.LineParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An nginx {@code log_format}, compiled: paste the format from nginx.conf (the quoted pieces joined,
 * without the quotes nginx.conf wraps them in) and get a parser for its lines. Presets: {@code
 * combined} (nginx's built-in), {@code main} (the stock nginx.conf's) and {@code stampede} (the
 * testbed's, with request and upstream times, session cookie, test mark, traceparent and body).
 */
public final class NginxFormat implements LineFormat {

    /** nginx's predefined {@code combined}. */
    public static final String COMBINED = "$remote_addr - $remote_user [$time_local] \"$request\" $status"
            + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\"";

    /** The {@code main} format of the stock nginx.conf. */
    public static final String MAIN = COMBINED + " \"$http_x_forwarded_for\"";

    /** The Stampede testbed's load-balancer format (see the README). */
    public static final String STAMPEDE = "$remote_addr - $remote_user [$time_local] \"$request\" $status"
            + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $msec $request_time"
            + " $upstream_response_time $upstream_addr \"$cookie_SESSION\" \"$upstream_cookie_SESSION\""
            + " \"$http_x_stampede_test\" \"$http_traceparent\" \"$request_body\"";

    private static final Map<String, String> PRESETS = Map.of("combined", COMBINED, "main", MAIN, "stampede", STAMPEDE);

    private final String format;
    private final String leadingLiteral;
    private final List<Segment> segments;

    private NginxFormat(String format, String leadingLiteral, List<Segment> segments) {
        this.format = format;
        this.leadingLiteral = leadingLiteral;
        this.segments = List.copyOf(segments);
    }

    /**
     * Compiles a {@code log_format}.
     *
     * @throws IllegalArgumentException naming the problem and its position: an empty variable name, two
     *     variables with no text between them, or no time or request variable at all
     */
    public static NginxFormat compile(String format) {
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '$') {
                literal.append(c);
                continue;
            }
            int nameStart = i + 1;
            boolean braced = nameStart < format.length() && format.charAt(nameStart) == '{';
            int j = braced ? nameStart + 1 : nameStart;
            while (j < format.length() && isNameChar(format.charAt(j))) {
                j++;
            }
            String name = format.substring(braced ? nameStart + 1 : nameStart, j);
            if (name.isEmpty() || (braced && (j >= format.length() || format.charAt(j) != '}'))) {
                throw new IllegalArgumentException(error(format, i, "'$' without a variable name"));
            }
            if (!variables.isEmpty() && literal.length() == 0) {
                throw new IllegalArgumentException(error(
                        format,
                        i,
                        "$" + variables.get(variables.size() - 1) + " and $" + name
                                + " have no text between them, so a line cannot be split there"));
            }
            literals.add(literal.toString());
            literal.setLength(0);
            variables.add(name);
            i = braced ? j : j - 1;
        }
        literals.add(literal.toString());
        requireOneOf(format, variables, "time", "time_local", "time_iso8601", "msec");
        requireOneOf(format, variables, "request", "request", "request_uri", "uri");
        List<Segment> segments = new ArrayList<>();
        for (int v = 0; v < variables.size(); v++) {
            String before = literals.get(v);
            String after = literals.get(v + 1);
            boolean quoted = before.endsWith("\"") && after.startsWith("\"");
            String name = variables.get(v);
            Decoder decoder = Variables.decoderFor(name);
            segments.add(new Segment(name, decoder, ByteVariables.decoderFor(name, decoder), after, quoted));
        }
        return new NginxFormat(format, literals.get(0), segments);
    }

    /**
     * A preset by name: {@code combined}, {@code main} or {@code stampede}.
     *
     * @throws IllegalArgumentException listing the presets
     */
    public static NginxFormat preset(String name) {
        String format = PRESETS.get(name);
        if (format == null) {
            throw new IllegalArgumentException("no nginx preset '" + name + "'; presets: combined, main, stampede");
        }
        return compile(format);
    }

    /** The format as given. */
    public String format() {
        return format;
    }

    /** The variables in order, without the dollar. */
    public List<String> variables() {
        return segments.stream().map(Segment::variable).toList();
    }

    String leadingLiteral() {
        return leadingLiteral;
    }

    List<Segment> segments() {
        return segments;
    }

    @Override
    public LineParser newParser() {
        return new NginxLineParser(this);
    }

    @Override
    public String name() {
        return "nginx";
    }

    @Override
    public String describe() {
        return "nginx:'" + format + "'";
    }

    @Override
    public String toString() {
        return describe();
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static void requireOneOf(String format, List<String> variables, String what, String... names) {
        for (String name : names) {
            if (variables.contains(name)) {
                return;
            }
        }
        throw new IllegalArgumentException("log_format '" + format + "' has no " + what + " variable; it needs one of $"
                + String.join(", $", names));
    }

    private static String error(String format, int position, String problem) {
        return "in log_format at position " + (position + 1) + ": " + problem + "\n  " + format + "\n  "
                + " ".repeat(position) + "^";
    }
}
