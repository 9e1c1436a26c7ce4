package dev.stampede.common.files;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How every stage writes a result file ({@code run.json}, {@code capacity.json}, {@code summary.json},
 * {@code compare.json}, {@code report.html}): whole or not at all (written aside, then moved in place, so
 * a reader never sees half of one), and JSON in one style (two-space indent, {@code \n} line ends,
 * {@code "name": value}), so the same content is the same bytes and can be compared with a golden file.
 */
public final class ResultFiles {

    private ResultFiles() {}

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
