package dev.stampede.model.pool;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 18-character Chinese resident identity number (GB 11643-1999): a 6-digit region code, an 8-digit
 * birth date, a 3-digit sequence number and a check character from ISO 7064 MOD 11-2 ({@code 0-9} or
 * {@code X}). Checking the date and the check character keeps ordinary 18-digit numbers (order ids,
 * timestamps) from passing: about one random 18-digit number in 11 has a valid check character, and far
 * fewer also hold a real birth date.
 */
final class ChineseIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ChineseIdNumbers() {}

    /** True when {@code text} is exactly a well-formed number with a valid date and check character. */
    static boolean isValid(CharSequence text) {
        if (text.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        char last = Character.toUpperCase(text.charAt(17));
        return (isDigit(last) || last == 'X') && last == checkCharacter(text) && hasBirthDate(text);
    }

    /** The check character for the first 17 digits of {@code digits}. */
    static char checkCharacter(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static boolean hasBirthDate(CharSequence text) {
        int year = number(text, 6, 10);
        if (year < 1900 || year > 2099) {
            return false;
        }
        try {
            LocalDate.of(year, number(text, 10, 12), number(text, 12, 14));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static int number(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
