package dev.stampede.model.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a parameter, header or cookie name into lower-case words: at every character that is not a
 * letter or digit, between a lower-case letter and an upper-case one ({@code userId}), before the last
 * capital of a run of capitals followed by a lower-case letter ({@code XMLHttp}), and between letters and
 * digits. {@code X-Auth-Token} gives {@code x auth token}; {@code JSESSIONID} stays one word.
 */
final class NameWords {

    private NameWords() {}

    /**
     * The part of a slot name the name rules read: the whole name, or when it holds a path (a slash), what
     * follows the path: after the last slash, and after the first space after it. So in
     * {@code GET /api/user/info query.code} only {@code query.code} counts, and the path's words do not.
     */
    static String parameterPart(String slotName) {
        int slash = slotName.lastIndexOf('/');
        if (slash < 0) {
            return slotName;
        }
        int space = slotName.indexOf(' ', slash);
        return slotName.substring(space < 0 ? slash + 1 : space + 1);
    }

    static List<String> split(String name) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                start = flush(name, start, i, words);
                continue;
            }
            if (start >= 0 && startsWord(name, i)) {
                start = flush(name, start, i, words);
            }
            if (start < 0) {
                start = i;
            }
        }
        flush(name, start, name.length(), words);
        return words;
    }

    private static boolean startsWord(String name, int i) {
        char previous = name.charAt(i - 1);
        char c = name.charAt(i);
        if (Character.isDigit(previous) != Character.isDigit(c)) {
            return true;
        }
        if (Character.isLowerCase(previous) && Character.isUpperCase(c)) {
            return true;
        }
        return Character.isUpperCase(previous)
                && Character.isUpperCase(c)
                && i + 1 < name.length()
                && Character.isLowerCase(name.charAt(i + 1));
    }

    private static int flush(String name, int start, int end, List<String> words) {
        if (start >= 0 && end > start) {
            words.add(name.substring(start, end).toLowerCase(Locale.ROOT));
        }
        return -1;
    }
}
