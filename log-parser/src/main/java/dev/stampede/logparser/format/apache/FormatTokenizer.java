package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.format.apache.FormatToken.Directive;
import dev.stampede.logparser.format.apache.FormatToken.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a LogFormat string into literals and directives the way mod_log_config does: after {@code %}
 * come any of {@code < > !}, a status list ({@code 400,501}) and a {@code {argument}} in any order, then
 * the directive's letter ({@code ^} and two letters for the trailer and first-byte directives).
 */
final class FormatTokenizer {

    /** Every directive mod_log_config, mod_logio and mod_ssl register in httpd 2.4. */
    private static final Set<String> DIRECTIVES = Set.of(
            "a", "A", "b", "B", "c", "C", "D", "e", "f", "h", "H", "i", "I", "k", "l", "L", "m", "n", "o", "O", "p",
            "P", "q", "r", "R", "s", "S", "t", "T", "u", "U", "v", "V", "x", "X", "^ti", "^to", "^FB");

    private final String format;
    private final List<FormatToken> tokens = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    private FormatTokenizer(String format) {
        this.format = format;
    }

    /** The tokens of {@code format}; adjacent literal text is one literal. */
    static List<FormatToken> tokenize(String format) {
        FormatTokenizer tokenizer = new FormatTokenizer(format);
        tokenizer.run();
        return tokenizer.tokens;
    }

    private void run() {
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length() && format.charAt(i + 1) == '%') {
                literal.append('%');
                i += 2;
            } else if (c == '%') {
                flushLiteral();
                i = directive(i);
            } else if (c == '\\') {
                i = backslash(i);
            } else {
                literal.append(c);
                i++;
            }
        }
        flushLiteral();
    }

    /**
     * Backslash escapes: {@code \"} as httpd.conf's quoting leaves it (pasted formats often keep it), and
     * mod_log_config's own {@code \\ \n \t \r}. Any other backslash is literal.
     */
    private int backslash(int i) {
        char next = i + 1 < format.length() ? format.charAt(i + 1) : 0;
        char unescaped = switch (next) {
            case '"' -> '"';
            case '\\' -> '\\';
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> 0;
        };
        if (unescaped == 0) {
            literal.append('\\');
            return i + 1;
        }
        literal.append(unescaped);
        return i + 2;
    }

    private int directive(int percent) {
        int j = percent + 1;
        String argument = null;
        boolean conditional = false;
        char selector = 0;
        while (true) {
            if (j >= format.length()) {
                throw FormatErrors.at(
                        format,
                        percent + 1,
                        "the LogFormat ends inside the directive '" + format.substring(percent) + "'");
            }
            char c = format.charAt(j);
            if (c == '<' || c == '>') {
                selector = c;
                j++;
            } else if (c == '!' || c == ',' || (c >= '0' && c <= '9')) {
                conditional = true;
                j++;
            } else if (c == '{') {
                int close = format.indexOf('}', j + 1);
                if (close < 0) {
                    throw FormatErrors.at(format, j + 1, "'{' without a closing '}'");
                }
                argument = format.substring(j + 1, close);
                j = close + 1;
            } else {
                break;
            }
        }
        String letter = letterAt(j);
        int end = j + letter.length();
        if (!DIRECTIVES.contains(letter)) {
            throw FormatErrors.at(
                    format,
                    percent + 1,
                    "unknown directive " + format.substring(percent, end) + " (mod_log_config has no %" + letter + ")");
        }
        tokens.add(new Directive(format.substring(percent, end), percent + 1, letter, argument, conditional, selector));
        return end;
    }

    private String letterAt(int j) {
        if (format.charAt(j) == '^' && j + 3 <= format.length() && DIRECTIVES.contains(format.substring(j, j + 3))) {
            return format.substring(j, j + 3);
        }
        return format.substring(j, j + 1);
    }

    private void flushLiteral() {
        if (!literal.isEmpty()) {
            tokens.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
