package dev.stampede.model.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses one {@link TemplateRule}'s text, with errors that name the rule and point into it. */
final class TemplateRuleParser {

    private static final String ARROW = "=>";

    private final String text;
    private final String origin;

    TemplateRuleParser(String text, String origin) {
        this.text = text;
        this.origin = origin;
    }

    TemplateRule parse() {
        int arrow = text.lastIndexOf(ARROW);
        if (arrow < 0) {
            throw fail(-1, "no '=>' between the regex and the template (write: [METHOD] REGEX => TEMPLATE)");
        }
        String left = text.substring(0, arrow).strip();
        String template = text.substring(arrow + ARROW.length()).strip();
        if (left.isEmpty()) {
            throw fail(0, "no regex before '=>'");
        }
        int leftAt = text.indexOf(left);
        String method = null;
        String regex = left;
        int regexAt = leftAt;
        int space = firstSpace(left);
        if (space >= 0) {
            method = left.substring(0, space);
            regex = left.substring(space).strip();
            regexAt = text.indexOf(regex, leftAt + space);
            checkMethod(method, leftAt);
        }
        if (firstSpace(regex) >= 0) {
            throw fail(regexAt + firstSpace(regex), "the regex has a space; logged paths have none (use %20)");
        }
        if (template.isEmpty()) {
            throw fail(text.length(), "no template after '=>'");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw fail(e.getIndex() < 0 ? regexAt : regexAt + e.getIndex(), "bad regex: " + e.getDescription());
        }
        int templateAt = text.indexOf(template, arrow + ARROW.length());
        List<String> slots = templateSlots(template, templateAt);
        List<String> groups = namedGroups(regex);
        for (String group : groups) {
            if (!slots.contains(group)) {
                throw fail(
                        regexAt + regex.indexOf("(?<" + group + ">"),
                        "named group '" + group + "' is not used in the template (use {" + group + "}, or"
                                + " make it an unnamed group)");
            }
        }
        for (String slot : slots) {
            if (!groups.contains(slot)) {
                throw fail(
                        templateAt + template.indexOf("{" + slot + "}"),
                        "slot {" + slot + "} has no named group (?<" + slot + ">...) in the regex");
            }
        }
        return new TemplateRule(text, method, pattern, template, slots);
    }

    private void checkMethod(String method, int methodAt) {
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (!Character.isLetterOrDigit(c) && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                throw fail(methodAt + i, "'" + method + "' is not an HTTP method (write: [METHOD] REGEX => TEMPLATE)");
            }
        }
    }

    /** The {@code {name}} slots of the template, in order; checks the braces and the names. */
    private List<String> templateSlots(String template, int templateAt) {
        if (!template.startsWith("/")) {
            throw fail(templateAt, "the template must start with '/'");
        }
        List<String> slots = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                throw fail(templateAt + i, "'}' without '{' in the template");
            }
            if (c != '{') {
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw fail(templateAt + i, "'{' without '}' in the template");
            }
            String name = template.substring(i + 1, close);
            if (!isGroupName(name)) {
                throw fail(
                        templateAt + i,
                        "slot name '" + name + "' must be a letter then letters or digits, as regex group"
                                + " names are");
            }
            if (slots.contains(name)) {
                throw fail(templateAt + i, "slot {" + name + "} appears twice in the template");
            }
            slots.add(name);
            i = close + 1;
        }
        return slots;
    }

    private IllegalArgumentException fail(int column, String problem) {
        StringBuilder message = new StringBuilder(origin)
                .append(": bad template rule: ")
                .append(problem)
                .append("\n  ")
                .append(text);
        if (column >= 0) {
            message.append("\n  ").append(" ".repeat(column)).append('^');
        }
        return new IllegalArgumentException(message.toString());
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isGroupName(String name) {
        if (name.isEmpty() || !isAsciiLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The names of the regex's {@code (?<name>...)} groups, skipping escapes and character classes. */
    static List<String> namedGroups(String regex) {
        List<String> names = new ArrayList<>();
        int classDepth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (regex.startsWith("Q", i + 1)) {
                    int end = regex.indexOf("\\E", i + 2);
                    i = end < 0 ? regex.length() : end + 1;
                } else {
                    i++;
                }
            } else if (c == '[') {
                classDepth++;
                // A ']' first in a class (after an optional '^') is a literal.
                if (regex.startsWith("^", i + 1)) {
                    i++;
                }
                if (classDepth == 1 && regex.startsWith("]", i + 1)) {
                    i++;
                }
            } else if (c == ']' && classDepth > 0) {
                classDepth--;
            } else if (classDepth == 0
                    && c == '('
                    && regex.startsWith("?<", i + 1)
                    && i + 3 < regex.length()
                    && isAsciiLetter(regex.charAt(i + 3))) {
                int close = regex.indexOf('>', i + 3);
                names.add(regex.substring(i + 3, close));
                i = close;
            }
        }
        return names;
    }
}
