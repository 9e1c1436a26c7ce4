package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.format.apache.FormatToken.Directive;
import dev.stampede.logparser.format.apache.FormatToken.Literal;
import java.util.List;

/**
 * Turns a LogFormat's tokens into segments and decides where each field ends: at the next literal's
 * first character; at the closing quote when the field is inside quotes and the next literal starts with
 * one; by its own shape for times (always) and for numbers directly followed by another field; before
 * the {@code ?} when {@code %q} follows; at the end of the line for a last field.
 */
final class FormatCompiler {

    private final String logFormat;
    private final List<FormatToken> tokens;
    private final Segment[] segments;

    private FormatCompiler(String logFormat) {
        this.logFormat = logFormat;
        this.tokens = withoutTrailingWhitespace(FormatTokenizer.tokenize(logFormat));
        this.segments = new Segment[tokens.size()];
    }

    /** Compiles {@code logFormat}, or explains with a caret why it cannot. */
    static CompiledFormat compile(String logFormat) {
        if (logFormat == null || logFormat.isBlank()) {
            throw new IllegalArgumentException("the LogFormat is empty");
        }
        FormatCompiler compiler = new FormatCompiler(logFormat);
        compiler.run();
        return new CompiledFormat(logFormat, compiler.segments);
    }

    private void run() {
        if (tokens.stream().noneMatch(Directive.class::isInstance)) {
            throw new IllegalArgumentException("the LogFormat '" + logFormat + "' has no directive");
        }
        // Backwards, so a field's extent can build on the next segment's.
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i) instanceof Literal literal) {
                segments[i] = new LiteralSegment(literal.text(), i == tokens.size() - 1, previousDirective(i));
            } else {
                segments[i] = field(i, (Directive) tokens.get(i));
            }
        }
    }

    private FieldSegment field(int i, Directive directive) {
        FieldDecoder decoder;
        try {
            decoder = FieldDecoders.create(directive);
        } catch (IllegalArgumentException e) {
            throw FormatErrors.at(logFormat, directive.column(), e.getMessage());
        }
        Segment next = i + 1 < segments.length ? segments[i + 1] : null;
        QuotedExtent quoted = null;
        Extent extent;
        if (decoder.selfDelimiting()) {
            extent = new Extents.Natural(decoder);
        } else if (next instanceof LiteralSegment literal) {
            if (literal.first() == '"' && insideQuotes(i)) {
                quoted = new QuotedExtent(literal);
                extent = quoted;
            } else {
                extent = new Extents.UpTo(literal.first());
            }
        } else if (next instanceof FieldSegment following) {
            extent = adjacent(directive, decoder, following, (Directive) tokens.get(i + 1));
        } else {
            extent = new Extents.ToLineEnd();
        }
        if (directive.conditional() && extent instanceof Extents.Natural) {
            extent = new Extents.OrDash(extent);
        }
        return new FieldSegment(directive.text(), extent, quoted, decoder, directive.conditional());
    }

    private Extent adjacent(Directive directive, FieldDecoder decoder, FieldSegment following, Directive next) {
        if (next.letter().equals("q")) {
            return new Extents.BeforeQuery(following.extent());
        }
        if (decoder.hasNaturalEnd()) {
            return new Extents.Natural(decoder);
        }
        throw FormatErrors.at(
                logFormat,
                next.column(),
                directive.text() + " is directly followed by " + next.text()
                        + ": nothing tells where one ends and the other begins; put a separator between them");
    }

    /** Whether an odd number of quotes comes before token {@code i}. */
    private boolean insideQuotes(int i) {
        int quotes = 0;
        for (int j = 0; j < i; j++) {
            if (tokens.get(j) instanceof Literal literal) {
                quotes += (int) literal.text().chars().filter(c -> c == '"').count();
            }
        }
        return quotes % 2 == 1;
    }

    private String previousDirective(int i) {
        return i > 0 && tokens.get(i - 1) instanceof Directive directive ? directive.text() : null;
    }

    /** A pasted format often ends with a space or newline; lines have none (the parser ignores theirs). */
    private static List<FormatToken> withoutTrailingWhitespace(List<FormatToken> tokens) {
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1) instanceof Literal literal) {
            String text = literal.text().stripTrailing();
            List<FormatToken> trimmed = new java.util.ArrayList<>(tokens.subList(0, tokens.size() - 1));
            if (!text.isEmpty()) {
                trimmed.add(new Literal(text));
            }
            return trimmed;
        }
        return tokens;
    }
}
