package dev.stampede.testbed.lb;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An nginx {@code log_format}, compiled once into literal and variable segments and then rendered for
 * every request. Lines follow nginx exactly (variable layouts, {@code escape=default}, {@code -} for
 * empty values), because Stampede's own log parser later reads them back with the same format string.
 *
 * <p>Supported variables: {@code $remote_addr $remote_user $time_local $time_iso8601 $msec $request
 * $request_method $request_uri $uri $args $status $body_bytes_sent $bytes_sent $request_length
 * $request_time $upstream_response_time $upstream_addr $host $request_body $connection}, and the
 * families {@code $http_<header>}, {@code $cookie_<name>} and {@code $upstream_cookie_<name>}. Both
 * {@code $name} and {@code ${name}} are accepted, and, as in nginx, names are not case-sensitive.
 *
 * <p>Header values, the URI and the other strings of an {@link AccessLogEntry} are logged as their
 * UTF-8 bytes; the request body as its bytes.
 *
 * <p>Thread-safe: one instance renders on all event loops at once. Rendering appends to the caller's
 * {@link StringBuilder} and allocates only in rare cases (a new second for the time, repeated headers,
 * cookies).
 */
public final class NginxLogFormat {

    /**
     * The testbed's access log format: {@code combined} plus timing, upstream, session cookies, the
     * test mark, the trace context and the request body, which is what a replay needs.
     */
    public static final String STAMPEDE = "$remote_addr - $remote_user [$time_local] \"$request\" $status"
            + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $msec $request_time"
            + " $upstream_response_time $upstream_addr \"$cookie_SESSION\" \"$upstream_cookie_SESSION\""
            + " \"$http_x_stampede_test\" \"$http_traceparent\" \"$request_body\"";

    /** nginx's predefined {@code combined} format. */
    public static final String COMBINED = "$remote_addr - $remote_user [$time_local] \"$request\" $status"
            + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\"";

    private final String format;
    private final LogSegment[] segments;
    private final List<String> variables;

    private NginxLogFormat(String format, List<LogSegment> segments, List<String> variables) {
        this.format = format;
        this.segments = segments.toArray(new LogSegment[0]);
        this.variables = List.copyOf(variables);
    }

    /** Compiles {@code format} with times in UTC. */
    public static NginxLogFormat compile(String format) {
        return compile(format, ZoneOffset.UTC);
    }

    /**
     * Compiles {@code format} (the body of a {@code log_format} directive, already concatenated).
     *
     * @param format e.g. {@link #STAMPEDE}
     * @param zone the zone of {@code $time_local} and {@code $time_iso8601}
     * @throws IllegalArgumentException for an unknown variable, a {@code $} without a name, or a
     *     {@code ${} without its {@code }}; the message gives the 0-based position of the {@code $}
     */
    public static NginxLogFormat compile(String format, ZoneId zone) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(zone, "zone");
        List<LogSegment> segments = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '$') {
                literal.append(c);
                i++;
                continue;
            }
            int dollar = i++;
            boolean braced = i < format.length() && format.charAt(i) == '{';
            if (braced) {
                i++;
            }
            int nameStart = i;
            while (i < format.length() && isNameChar(format.charAt(i))) {
                i++;
            }
            String name = format.substring(nameStart, i);
            if (braced) {
                if (i >= format.length() || format.charAt(i) != '}') {
                    throw error(format, dollar, "missing '}' after \"${" + name + "\"");
                }
                i++;
            }
            if (name.isEmpty()) {
                throw error(format, dollar, "'$' without a variable name");
            }
            // nginx lowercases variable names, so $Status is $status and $cookie_SESSION is $cookie_session.
            LogSegment variable = LogVariables.resolve(name.toLowerCase(Locale.ROOT), zone);
            if (variable == null) {
                throw error(format, dollar, "unknown variable \"$" + name + "\"");
            }
            addLiteral(literal, segments);
            segments.add(variable);
            variables.add(name);
        }
        addLiteral(literal, segments);
        return new NginxLogFormat(format, segments, variables);
    }

    /**
     * Appends the line for {@code entry} to {@code out}, without a line separator.
     *
     * @param entry the finished request
     * @param out the caller's (reusable) buffer
     */
    public void render(AccessLogEntry entry, StringBuilder out) {
        for (LogSegment segment : segments) {
            segment.render(entry, out);
        }
    }

    /** The line for {@code entry} as a new string, without a line separator. For tests and tools. */
    public String render(AccessLogEntry entry) {
        StringBuilder out = new StringBuilder(256);
        render(entry, out);
        return out.toString();
    }

    /** The format string this was compiled from. */
    public String format() {
        return format;
    }

    /**
     * The variable names in order of appearance, as written in the format but without {@code $} and
     * braces, e.g. {@code http_user_agent}, {@code cookie_SESSION}.
     */
    public List<String> variables() {
        return variables;
    }

    @Override
    public String toString() {
        return "NginxLogFormat[" + format + "]";
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static void addLiteral(StringBuilder literal, List<LogSegment> segments) {
        if (literal.length() > 0) {
            String text = literal.toString();
            segments.add((entry, out) -> out.append(text)); // nginx copies literals as they are
            literal.setLength(0);
        }
    }

    /** An error that shows the format with a caret under the offending {@code $}. */
    private static IllegalArgumentException error(String format, int position, String what) {
        return new IllegalArgumentException(
                what + " at position " + position + " of log format:\n" + format + "\n" + " ".repeat(position) + "^");
    }
}
