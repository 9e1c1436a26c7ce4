package dev.stampede.model.pool;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identity recognised by what a value looks like, whatever its slot is called.
 *
 * <ul>
 *   <li>Chinese mobile numbers {@code 1[3-9]} and nine digits, optionally after {@code +86}/{@code 86},
 *       not inside a longer run of digits (so millisecond timestamps and 18-digit ids do not match);
 *   <li>18-character national id numbers with a valid birth date and check character
 *       ({@link ChineseIdNumbers});
 *   <li>e-mail addresses, also with {@code @} percent-encoded;
 *   <li>JWTs: {@code eyJ} then three base64url parts separated by dots;
 *   <li>long random tokens (whole values only), see {@link #isRandomToken}. Hex strings and UUIDs
 *       (hashes, trace ids, order ids) are not tokens by value; by name they can be.
 * </ul>
 *
 * Stock codes ({@code 600519}, {@code 00700.HK}), prices, quantities, dates and times match none of these.
 */
final class ValuePatterns {

    static final int TOKEN_MIN_LENGTH = 24;

    /** The 211 most frequent letter pairs of English text (Norvig's counts), about 90% of all pairs. */
    private static final String COMMON_BIGRAMS =
            "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io "
                    + "le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo "
                    + "ho pe ec pr no ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad "
                    + "ol rt po we na ul ni ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu "
                    + "ev ld ry mp fe bl ab gh ty op wo sa ay ex ke fr oo av ag if ap gr od bo sp rd do uc "
                    + "bu ei ov by rm ep tt oc fa ef cu rn sc gi da yo cr cl du ga qu ue ff ba ey ls va um "
                    + "pp ua up lu go ht ru ug ds lt pi rc rr eg au ck ew mu br bi pt ak pu ui rg ib tl ny "
                    + "ki rk ys ob mm fu ph og ms ye ud mb ip ub";

    private static final boolean[] COMMON_PAIR = new boolean[26 * 26];

    static {
        for (int i = 0; i + 1 < COMMON_BIGRAMS.length(); i += 3) {
            COMMON_PAIR[(COMMON_BIGRAMS.charAt(i) - 'a') * 26 + COMMON_BIGRAMS.charAt(i + 1) - 'a'] = true;
        }
    }

    /** Group 1: an optional country prefix, kept as written; group 2: the 11-digit number. */
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])((?:\\+?86[- ]?)?)(1[3-9][0-9]{9})(?![0-9])");

    private static final Pattern NATIONAL_ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private ValuePatterns() {}

    /** One identity found inside a value: {@code [start, end)} and its kind. */
    record Found(int start, int end, IdentityKind kind) {}

    /** The kind of the whole of {@code value}, or {@link IdentityKind#NONE}. */
    static IdentityKind kindOfWhole(String value) {
        if (PHONE.matcher(value).matches()) {
            return IdentityKind.PHONE;
        }
        if (ChineseIdNumbers.isValid(value)) {
            return IdentityKind.NATIONAL_ID;
        }
        if (EMAIL.matcher(value).matches()) {
            return IdentityKind.EMAIL;
        }
        if (JWT.matcher(value).matches() || isRandomToken(value)) {
            return IdentityKind.TOKEN;
        }
        return IdentityKind.NONE;
    }

    /**
     * The first identity inside {@code value} at or after {@code from}, or null. JWTs and e-mails are
     * looked for before numbers, so digits inside them are not taken for phone numbers.
     */
    static Found findFrom(String value, int from) {
        Found first = first(null, JWT.matcher(value), from, IdentityKind.TOKEN);
        first = first(first, EMAIL.matcher(value), from, IdentityKind.EMAIL);
        Matcher ids = NATIONAL_ID.matcher(value);
        int at = from;
        while (ids.find(at)) {
            if (ChineseIdNumbers.isValid(ids.group())) {
                first = earlier(first, new Found(ids.start(), ids.end(), IdentityKind.NATIONAL_ID));
                break;
            }
            at = ids.start() + 1;
        }
        Matcher phone = PHONE.matcher(value);
        if (phone.find(from)) {
            first = earlier(first, new Found(phone.start(2), phone.end(2), IdentityKind.PHONE));
        }
        return first;
    }

    private static Found first(Found best, Matcher matcher, int from, IdentityKind kind) {
        return matcher.find(from) ? earlier(best, new Found(matcher.start(), matcher.end(), kind)) : best;
    }

    private static Found earlier(Found a, Found b) {
        return a == null || b.start() < a.start() ? b : a;
    }

    /**
     * A long opaque value: at least {@value #TOKEN_MIN_LENGTH} characters of the base64/URL-safe alphabet,
     * at least two of upper case, lower case and digits, not hex in one case (hashes, trace ids and UUIDs
     * are left to names), and not word-like. Word-like (identifiers such as
     * {@code QueryStockPositionDetailList} or {@code MARKET_OPEN_AUCTION}) means all of: runs of the more
     * common letter case 2.5 letters long on average (random: 1.7); a change of character class at under
     * half the positions (random base64: about 64%); and at least 60% of neighbouring same-case letters
     * among English's 211 most common pairs (random letters: about 31%).
     *
     * <p>Measured: it misses about 4 in 10,000 random 18- to 49-byte base64 tokens, and takes 17 of the
     * JDK's 2,267 class names of 24 characters or more (e.g. {@code PBEWithHmacSHA1AndAES_128}) for tokens.
     * Names catch tokens more surely; this is the net under them.
     */
    static boolean isRandomToken(String value) {
        int length = value.length();
        if (length < TOKEN_MIN_LENGTH) {
            return false;
        }
        int[] classes = new int[4];
        int[] caseRuns = new int[2];
        int pairs = 0;
        int commonPairs = 0;
        int switches = 0;
        boolean hex = true;
        int previous = -1;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            int kind = classOf(c);
            if (kind < 0) {
                return false;
            }
            classes[kind]++;
            if (kind < 2 && previous != kind) {
                caseRuns[kind]++;
            } else if (kind < 2) {
                pairs++;
                commonPairs += isCommonPair(value.charAt(i - 1), c) ? 1 : 0;
            }
            switches += previous >= 0 && previous != kind ? 1 : 0;
            previous = kind;
            hex &= kind == 2 || c == '-' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
        int kinds = (classes[0] > 0 ? 1 : 0) + (classes[1] > 0 ? 1 : 0) + (classes[2] > 0 ? 1 : 0);
        boolean hexInOneCase = hex && (classes[0] == 0 || classes[1] == 0);
        if (kinds < 2 || hexInOneCase) {
            return false;
        }
        int common = classes[1] >= classes[0] ? 1 : 0;
        boolean wordLike =
                classes[common] * 2 >= caseRuns[common] * 5 && switches * 2 < length && commonPairs * 10 >= pairs * 6;
        return !wordLike;
    }

    /** Both arguments are ASCII letters of the same case. */
    private static boolean isCommonPair(char first, char second) {
        int a = Character.toLowerCase(first) - 'a';
        int b = Character.toLowerCase(second) - 'a';
        return COMMON_PAIR[a * 26 + b];
    }

    private static int classOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return 0;
        }
        if (c >= 'a' && c <= 'z') {
            return 1;
        }
        if (c >= '0' && c <= '9') {
            return 2;
        }
        return "-_.~+/=".indexOf(c) >= 0 ? 3 : -1;
    }
}
