package dev.stampede.model.pool;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which values carry identity: by the name of their slot and by what they look like.
 *
 * <p><b>By name.</b> The rules read a slot name, without any endpoint path in front of the parameter
 * ({@code GET /api/user/info query.code} reads as {@code query.code}), as words, and know account, user,
 * phone, national id, e-mail, token, session, cookie and secret names in English and in the pinyin
 * abbreviations of Chinese brokerage systems ({@code khh}, {@code zjzh}, {@code sfzh}, {@code jymm}...).
 * A name with the word {@code cookie} ({@code cookie:theme}, the {@code Cookie} header) is always identity:
 * cookies identify a browser. The full rules are on {@code NameRules}; {@link #withName} adds to or
 * overrides them for one exact parameter part (case-insensitive).
 *
 * <p><b>By value.</b> Chinese mobile numbers, national id numbers (check character verified), e-mails,
 * JWTs and long random tokens are identity in any slot; see {@code ValuePatterns}. Stock codes, prices,
 * dates and ordinary numbers are not.
 *
 * <p>Immutable and thread-safe.
 */
public final class IdentityPolicy {

    private static final IdentityPolicy DEFAULTS = new IdentityPolicy(Map.of());

    private final Map<String, IdentityKind> overrides;

    private IdentityPolicy(Map<String, IdentityKind> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** The built-in rules only. */
    public static IdentityPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy where a slot whose parameter part is {@code name} (ignoring case) is of {@code kind}; use
     * {@link IdentityKind#NONE} to declare a name that the built-in rules take for identity plain.
     */
    public IdentityPolicy withName(String name, IdentityKind kind) {
        Map<String, IdentityKind> more = new HashMap<>(overrides);
        more.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(kind, "kind"));
        return new IdentityPolicy(more);
    }

    /** The identity kind a slot's name gives all its values, or {@link IdentityKind#NONE}. */
    public IdentityKind kindOfName(String slotName) {
        IdentityKind override = overrides.get(NameWords.parameterPart(slotName).toLowerCase(Locale.ROOT));
        return override != null ? override : NameRules.kindOf(slotName);
    }

    /** The identity kind {@code value} has by its look alone, as a whole, or {@link IdentityKind#NONE}. */
    public IdentityKind kindOfValue(String value) {
        return ValuePatterns.kindOfWhole(value);
    }

    /**
     * The kind of {@code value} in {@code slotName}, taken as a whole. A secret name wins over everything;
     * then a phone, national id or e-mail shape (so an {@code account} that is a phone number keeps a phone
     * number's shape); then the name's kind; then any other shape. Empty values are never identity.
     * A value of kind {@link IdentityKind#NONE} may still hold identities inside it: see
     * {@link Masker#mask}.
     */
    public IdentityKind classify(String slotName, String value) {
        IdentityKind byName = kindOfName(slotName);
        if (byName == IdentityKind.SECRET) {
            return byName;
        }
        if (value.isEmpty()) {
            return IdentityKind.NONE;
        }
        IdentityKind byValue = kindOfValue(value);
        boolean shaped =
                byValue == IdentityKind.PHONE || byValue == IdentityKind.NATIONAL_ID || byValue == IdentityKind.EMAIL;
        return shaped || !byName.isIdentity() ? byValue : byName;
    }
}
