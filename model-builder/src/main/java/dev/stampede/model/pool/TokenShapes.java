package dev.stampede.model.pool;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Renders a token from the keyed hash of a value, keeping the value's shape class:
 *
 * <ul>
 *   <li>phone: eleven digits {@code 1[3-9]xxxxxxxxx}, the last ten from the hash, so it passes the same
 *       validation as a real number (the carrier prefix is not kept: it would tell something);
 *   <li>national id: 18 characters with a region code, a birth date between 1950 and 1999, a sequence
 *       number and a correct check character, all from the hash;
 *   <li>e-mail: {@code tok_<16 hex>@mask.invalid} ({@code .invalid} can never be delivered, RFC 2606);
 *   <li>everything else: {@code tok_<tag>_<16 hex>}, e.g. {@code tok_acct_3f9a1c2b4d5e6f70}.
 * </ul>
 *
 * 16 hex digits are 64 bits of the hash: two different values share a token with odds of about one in
 * 10<sup>8</sup> among a million values. Phone and id shapes have fewer bits (about 10<sup>10</sup>
 * numbers), enough to keep a pool's values apart but not a guarantee; they may also equal a real person's
 * number, so a replay must not send messages to them (map identities to test accounts to avoid both).
 */
final class TokenShapes {

    private static final HexFormat HEX = HexFormat.of();
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1950, 1, 1);
    private static final int BIRTH_DAYS = 50 * 365;

    private TokenShapes() {}

    static String render(IdentityKind kind, byte[] mac) {
        return switch (kind) {
            case PHONE -> phone(mac);
            case NATIONAL_ID -> nationalId(mac);
            case EMAIL -> "tok_" + hex(mac) + "@mask.invalid";
            case NONE, SECRET -> throw new IllegalArgumentException(kind + " values get no token");
            default -> "tok_" + kind.tokenTag() + "_" + hex(mac);
        };
    }

    /** The first 64 bits of the hash as 16 hex digits. */
    static String hex(byte[] mac) {
        return HEX.formatHex(mac, 0, 8);
    }

    private static String phone(byte[] mac) {
        long bits = ByteBuffer.wrap(mac, 8, 8).getLong();
        int second = 3 + (int) Long.remainderUnsigned(bits, 7);
        long rest = Long.remainderUnsigned(Long.divideUnsigned(bits, 7), 1_000_000_000L);
        return "1" + second + pad(rest, 9);
    }

    private static String nationalId(byte[] mac) {
        ByteBuffer buffer = ByteBuffer.wrap(mac, 16, 16);
        long a = buffer.getLong();
        long b = buffer.getLong();
        long region = 110_000 + Long.remainderUnsigned(a, 760_000);
        LocalDate birth = FIRST_BIRTH_DATE.plusDays(Long.remainderUnsigned(b, BIRTH_DAYS));
        long sequence = Long.remainderUnsigned(Long.divideUnsigned(b, BIRTH_DAYS), 1_000);
        String first17 = region
                + pad(birth.getYear(), 4)
                + pad(birth.getMonthValue(), 2)
                + pad(birth.getDayOfMonth(), 2)
                + pad(sequence, 3);
        return first17 + ChineseIdNumbers.checkCharacter(first17);
    }

    private static String pad(long value, int digits) {
        StringBuilder text = new StringBuilder(Long.toString(value));
        while (text.length() < digits) {
            text.insert(0, '0');
        }
        return text.toString();
    }
}
