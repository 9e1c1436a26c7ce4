package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.LineParser;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Apache httpd access logs in any {@code LogFormat} of mod_log_config (with mod_logio's and mod_ssl's
 * directives), compiled once into a parser for its lines.
 *
 * <p>What goes into the record: the start time from {@code %t} in any of its forms ({@code begin:} by
 * default; with only an {@code end:} time, the start is that time minus {@code %D}/{@code %T} when
 * logged); the request from {@code %r}, else from {@code %m %U%q %H}; the status from {@code %>s}, else
 * {@code %s}/{@code %<s}; the bytes from {@code %b} ({@code -} is 0) or {@code %B}, else {@code %O}; the
 * request time from the finest of {@code %D}, {@code %{ms}T}, {@code %T}; the client from
 * {@code X-Forwarded-For} (first address), else {@code %a}, {@code %h}, {@code %{c}a}; the host from the
 * {@code Host} header, else {@code %V}, {@code %v}; request headers from {@code %{Name}i} and cookies
 * from {@code %{Name}C} ({@code -} is "not sent"), unescaped. Every other directive is read over so the
 * line keeps its shape.
 *
 * <p>Times without a zone ({@code %{%Y-%m-%d %T}t} with no {@code %z}) are taken as UTC. A time format
 * without a whole date leaves the start unknown.
 *
 * <p>Immutable and shared by all threads; {@link #newParser()} gives each thread its own parser.
 */
public final class ApacheLogFormat implements LineFormat {

    /** This format's {@link #name()}. */
    public static final String NAME = "apache";

    private static final Map<String, String> PRESETS = presetMap();

    private final CompiledFormat compiled;

    private ApacheLogFormat(CompiledFormat compiled) {
        this.compiled = compiled;
    }

    /**
     * Compiles a LogFormat string as in httpd.conf, without the surrounding quotes and nickname, e.g.
     * {@code %h %l %u %t "%r" %>s %b}. Quotes may stay escaped as in httpd.conf ({@code \"}).
     *
     * @throws IllegalArgumentException for an unknown directive, a missing argument or a format whose
     *     fields cannot be told apart, with the column and a caret under it
     */
    public static ApacheLogFormat compile(String logFormat) {
        return new ApacheLogFormat(FormatCompiler.compile(logFormat));
    }

    /**
     * One of httpd's stock formats by nickname: {@code common}, {@code combined}, {@code combinedio},
     * {@code vhost_combined}.
     *
     * @throws IllegalArgumentException for any other name, listing the known ones
     */
    public static ApacheLogFormat preset(String name) {
        String logFormat = PRESETS.get(name);
        if (logFormat == null) {
            throw new IllegalArgumentException("unknown Apache LogFormat preset '" + name + "'; known presets: "
                    + String.join(", ", PRESETS.keySet()));
        }
        return compile(logFormat);
    }

    /** The presets' nicknames and LogFormat strings, in a stable order. */
    public static Map<String, String> presets() {
        return PRESETS;
    }

    /** The LogFormat string this was compiled from. */
    public String logFormat() {
        return compiled.logFormat();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@code apache:'<LogFormat>'}. */
    @Override
    public String describe() {
        return NAME + ":'" + compiled.logFormat() + "'";
    }

    @Override
    public LineParser newParser() {
        return new ApacheLineParser(compiled);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static Map<String, String> presetMap() {
        Map<String, String> presets = new LinkedHashMap<>();
        presets.put("common", "%h %l %u %t \"%r\" %>s %b");
        presets.put("combined", "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"");
        presets.put("combinedio", "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\" %I %O");
        presets.put("vhost_combined", "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"");
        return Collections.unmodifiableMap(presets);
    }
}
