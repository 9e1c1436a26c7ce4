package dev.stampede.logparser.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.LineParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * JSON lines, one object per line, read through a field map that says where each request field is.
 *
 * <h2>Field map</h2>
 *
 * Inline, {@code field=path,field=path,...}, e.g.
 *
 * <pre>
 * time=@timestamp,method=request.method,uri=request.uri,status=response.status,bytes=response.bytes,
 * client=client.ip,request_time=duration_ms:ms,host=host,header.user-agent=ua,cookie.SESSION=session
 * </pre>
 *
 * or the same as a JSON object, {@code {"time": "@timestamp", "request_time": "duration_ms:ms"}}, in a
 * mapping file (the spec is then the file's path) or inline (a spec starting with <code>{</code>). Fields:
 *
 * <ul>
 *   <li>{@code time}: when the request started; or {@code end_time}: when it ended, and the start is then
 *       {@code end_time - request_time} ({@code end_time} itself when the line has no request time). One of
 *       them is required. Values: ISO-8601 (with or without fraction and offset; none means UTC), a CLF
 *       time ({@code 10/Oct/2000:13:55:36 -0700}, brackets allowed), or an epoch number whose unit is a
 *       suffix ({@code time=ts:ms}) or, without one, guessed from its magnitude (seconds below 10<sup>11</sup>,
 *       then milliseconds, microseconds, nanoseconds: unambiguous for any time after March 1973).
 *   <li>{@code method} with {@code uri} (path and query) or {@code path} (and optional {@code query}); or
 *       {@code request}, a whole request line ({@code GET /x HTTP/1.1}). Mapped together, the separate
 *       fields win over the request line's parts. A request is required.
 *   <li>{@code protocol} ({@code HTTP/1.1}; a bare {@code 1.1} gets the prefix), {@code status},
 *       {@code bytes} (response bytes), {@code client} (the first address of an X-Forwarded-For style
 *       list), {@code host}, {@code body} (an object there is kept as its JSON text), {@code
 *       header.<name>}, {@code cookie.<name>}.
 *   <li>{@code request_time}, {@code upstream_time}: durations with a unit suffix {@code :s}, {@code :ms},
 *       {@code :us} or {@code :ns} (default seconds). A list ({@code 0.010, 0.020 : 0.005}, nginx's upstream
 *       times per attempt) is summed; {@code -} and negative entries mean unknown.
 * </ul>
 *
 * <p>A path is dotted, {@code a.b.c}, with array indices, {@code a.b[0].c}. Shippers write the same field
 * nested or flat ({@code "http.request.method"}, Elastic's dotted keys) or mixed, so a path matches every
 * spelling; when a line has several, the longest literal key wins at each level. A missing value,
 * JSON {@code null}, {@code ""} and {@code "-"} all mean absent; numbers may be JSON numbers or strings.
 *
 * <h2>Wrappers</h2>
 *
 * A JSON envelope whose string field holds a line of another format (Docker/Kubernetes {@code
 * {"log":"<line>\n",...}}, {@code {"message":"<line>"}}) is read by {@link #wrapping(String, LineFormat)};
 * the format registry builds it from {@code json:wrap=<path>,inner=<inner spec>} (see {@link WrapSpec}).
 *
 * <h2>Rejections</h2>
 *
 * A line that is not JSON is {@code bad-json} at the column where parsing stopped; a required field the
 * line lacks is {@code missing-field} naming it; a value that does not parse names its field and the
 * column where the value starts.
 *
 * <p>Immutable and shared by all threads; each thread gets its own {@link #newParser() parser}. A line
 * is read in one streaming pass that skips unmapped subtrees, so a line costs a Jackson parser and the
 * strings the record keeps.
 */
public final class JsonLinesFormat implements LineFormat {

    // Thread-safe once built. Error messages do not quote the line: the rejection has the column.
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final LineMapping mapping;
    private final JsonLineReader reader;

    private JsonLinesFormat(LineMapping mapping) {
        this.mapping = mapping;
        this.reader = new JsonLineReader(FACTORY, mapping.paths().root());
    }

    /**
     * A format from a field map: the path of a mapping file (a JSON object), an inline JSON object, or
     * inline {@code field=path,...}.
     *
     * @throws IllegalArgumentException when the spec is not a valid field map, with where and why
     */
    public static JsonLinesFormat fromSpec(String spec) {
        String text = spec.strip();
        if (text.startsWith("{")) {
            return new JsonLinesFormat(new FieldMapping(FieldMapSpec.parseJson(text, "the field map", FACTORY)));
        }
        Path file = asFile(text);
        if (file != null) {
            return new JsonLinesFormat(new FieldMapping(FieldMapSpec.parseJson(read(file), file.toString(), FACTORY)));
        }
        if (text.indexOf('=') < 0) {
            throw new IllegalArgumentException("'" + spec + "' is neither a mapping file nor a field map"
                    + " (field=path,...; e.g. time=@timestamp,request=message)");
        }
        return new JsonLinesFormat(new FieldMapping(FieldMapSpec.parseInline(text)));
    }

    /**
     * A JSON envelope around lines of {@code inner}: the string at {@code path} (a trailing {@code \n}, as
     * Docker keeps it, removed) is parsed by {@code inner}, which may itself be a JSON lines format.
     *
     * @throws IllegalArgumentException when {@code path} is not a valid path
     */
    public static JsonLinesFormat wrapping(String path, LineFormat inner) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(inner, "inner");
        return new JsonLinesFormat(new WrappedMapping(path, inner));
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String describe() {
        return "JSON lines: " + mapping.describe();
    }

    @Override
    public LineParser newParser() {
        return new JsonLineParser(reader, mapping.paths().slots(), mapping.newMapper());
    }

    private static Path asFile(String spec) {
        try {
            Path path = Path.of(spec);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null; // not a path at all: an inline map
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the field map " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The wrapper form of a JSON spec, {@code wrap=<path>,inner=<inner spec>}: everything after
     * {@code inner=} is the inner format's spec, commas included, so wrappers nest ({@code
     * wrap=log,inner=json:wrap=message,inner=nginx:combined}). The registry builds the inner format from
     * {@link #innerSpec()} and calls {@link JsonLinesFormat#wrapping(String, LineFormat)}.
     */
    public record WrapSpec(String path, String innerSpec) {

        /**
         * The wrapper spec in {@code spec} (what follows {@code json:}), or {@code null} when it is a field map.
         *
         * @throws IllegalArgumentException when it starts with {@code wrap=} but is not a wrapper spec
         */
        public static WrapSpec parse(String spec) {
            String text = spec.strip();
            if (!text.startsWith("wrap=")) {
                return null;
            }
            int inner = text.indexOf(",inner=");
            String path =
                    inner < 0 ? "" : text.substring("wrap=".length(), inner).strip();
            String innerSpec =
                    inner < 0 ? "" : text.substring(inner + ",inner=".length()).strip();
            if (path.isEmpty() || innerSpec.isEmpty()) {
                throw new IllegalArgumentException(
                        "'" + spec + "': a wrapper is wrap=<path>,inner=<format>, e.g. wrap=log,inner=nginx:combined");
            }
            return new WrapSpec(path, innerSpec);
        }
    }
}
