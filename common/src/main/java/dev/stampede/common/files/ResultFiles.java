package dev.stampede.common.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How every stage writes a result file ({@code run.json}, {@code capacity.json}, {@code summary.json},
 * {@code compare.json}, {@code report.html}): whole or not at all (written aside, then moved in place, so
 * a reader never sees half of one), and JSON in one style (two-space indent, {@code \n} line ends,
 * {@code "name": value}, decimals as written: {@code 0.0006}, not {@code 6.0E-4}), so the same content is
 * the same bytes and can be compared with a golden file.
 */
public final class ResultFiles {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ResultFiles() {}

    /** Writes a JSON document's content. */
    @FunctionalInterface
    public interface JsonContent {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** A pretty printer in the result files' JSON style (a new one: Jackson's printers keep state). */
    public static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators =
                Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** The JSON text {@code content} writes, in the result files' style, ending with a newline. */
    public static String json(JsonContent content) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(prettyPrinter());
            content.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen writing to a string", e);
        }
        return out.append('\n').toString();
    }

    /**
     * Writes {@code value} rounded to {@code decimals}, without needless zeros ({@code 12}, not {@code
     * 12.00}); {@code null} when it is NaN or infinite (not known).
     */
    public static void number(JsonGenerator json, String name, double value, int decimals) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.writeNullField(name);
            return;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        if (decimals == 0 || rounded.stripTrailingZeros().scale() <= 0) {
            json.writeNumberField(name, rounded.longValueExact());
        } else {
            json.writeNumberField(name, rounded.stripTrailingZeros());
        }
    }

    /** Replaces {@code file} with {@code text} (UTF-8), whole; returns {@code file}. */
    public static Path replace(Path file, String text) throws IOException {
        return replace(file, out -> out.write(text));
    }

    /** Replaces {@code file} with what {@code content} writes (UTF-8), whole; returns {@code file}. */
    public static Path replace(Path file, Content content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8), 1 << 16)) {
            content.writeTo(out);
        }
        return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
