package dev.stampede.model.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user rule: a regular expression over the path and the endpoint template for paths it matches.
 * Rules win over detection, and the first matching rule wins.
 *
 * <p>Syntax, one rule per line: {@code [METHOD] REGEX => TEMPLATE}, e.g.
 *
 * <pre>
 * ^/api/v\d+/order/(?&lt;orderId&gt;[^/]+)$ => /api/vN/order/{orderId}
 * POST /api/(?&lt;svc&gt;[a-z]+)/submit => /api/{svc}/submit
 * </pre>
 *
 * <ul>
 *   <li>{@code METHOD} (optional) limits the rule to that method, matched exactly ({@code GET}); without
 *       it the rule applies to every method.
 *   <li>{@code REGEX} is a Java regular expression matched against the <em>whole</em> path as logged:
 *       without the query, percent-encoding kept ({@code ^} and {@code $} are allowed and change
 *       nothing). It has no spaces, as logged paths have none.
 *   <li>{@code TEMPLATE} is the path template, starting with {@code /}; each {@code {name}} is a slot
 *       filled with the named group {@code (?<name>...)} of the same name. Every named group must be
 *       used and every slot must have its group. Unnamed groups are free.
 * </ul>
 *
 * <p>The query is handled as for detected endpoints (names in the key, values as slots). A bad rule is
 * refused with an {@link IllegalArgumentException} naming the rule and what is wrong, with a caret
 * under the spot where there is one. Immutable.
 */
public final class TemplateRule {

    private static final String METACHARS = "[](){}.*+?^$|";

    private final String text;
    private final String method;
    private final Pattern pattern;
    private final String template;
    private final List<String> slotNames;
    private final String literalPrefix;

    TemplateRule(String text, String method, Pattern pattern, String template, List<String> slotNames) {
        this.text = text;
        this.method = method;
        this.pattern = pattern;
        this.template = template;
        this.slotNames = List.copyOf(slotNames);
        this.literalPrefix = literalPrefix(pattern.pattern());
    }

    /** Parses one rule; errors name it as {@code template rule}. */
    public static TemplateRule parse(String text) {
        return parse(text, "template rule");
    }

    /**
     * Parses one rule.
     *
     * @param origin where it came from, for errors: {@code rules.txt:3}, {@code --rule #2}
     * @throws IllegalArgumentException naming {@code origin}, the rule and what is wrong with it
     */
    public static TemplateRule parse(String text, String origin) {
        return new TemplateRuleParser(text, origin).parse();
    }

    /**
     * Parses a rules file: one rule per line; blank lines and lines starting with {@code #} are skipped.
     *
     * @param origin the file's name; errors say {@code origin:line}
     */
    public static List<TemplateRule> parseLines(List<String> lines, String origin) {
        List<TemplateRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                rules.add(parse(line, origin + ":" + (i + 1)));
            }
        }
        return List.copyOf(rules);
    }

    /** The rule as written. */
    public String text() {
        return text;
    }

    /** The method the rule is limited to, or {@code null} for every method. */
    public String method() {
        return method;
    }

    public Pattern pattern() {
        return pattern;
    }

    /** The path template, e.g. {@code /api/vN/order/{orderId}}. */
    public String template() {
        return template;
    }

    /** The template's slot names, in template order. */
    public List<String> slotNames() {
        return slotNames;
    }

    /**
     * A matcher positioned on a match of the path {@code uri[pathStart, pathEnd)}, or {@code null}. Paths
     * that do not start with the regex's literal prefix are refused without running the regex.
     */
    Matcher match(String requestMethod, String uri, int pathStart, int pathEnd) {
        if ((method != null && !method.equals(requestMethod))
                || pathEnd - pathStart < literalPrefix.length()
                || !uri.startsWith(literalPrefix, pathStart)) {
            return null;
        }
        Matcher matcher = pattern.matcher(uri);
        matcher.region(pathStart, pathEnd);
        return matcher.matches() ? matcher : null;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * The text every match must start with: the literal chars after an optional {@code ^}, up to the
     * first metacharacter (a char a quantifier applies to is left out). Empty when the regex has an
     * alternation anywhere, since a top-level {@code |} would make any prefix wrong.
     */
    static String literalPrefix(String regex) {
        if (regex.indexOf('|') >= 0) {
            return "";
        }
        StringBuilder prefix = new StringBuilder();
        int i = regex.startsWith("^") ? 1 : 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            char literal;
            if (c == '\\' && i + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(i + 1))) {
                literal = regex.charAt(i + 1);
                i += 2;
            } else if (c == '\\' || METACHARS.indexOf(c) >= 0) {
                break;
            } else {
                literal = c;
                i++;
            }
            char next = i < regex.length() ? regex.charAt(i) : '\0';
            if (next == '?' || next == '*' || next == '{') {
                break;
            }
            prefix.append(literal);
            if (next == '+') {
                break;
            }
        }
        return prefix.toString();
    }
}
