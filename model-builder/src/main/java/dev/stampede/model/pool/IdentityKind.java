package dev.stampede.model.pool;

import java.util.Locale;

/**
 * What kind of identity a value carries, which decides how {@link Masker} renders its token (see there)
 * and which test-account column can stand in for it.
 */
public enum IdentityKind {
    /** Not identity: written as seen (after embedded identities are replaced). */
    NONE("", ""),
    /** An account id (brokerage, fund or customer account). */
    ACCOUNT("acct", "account"),
    /** A user name, user id or login. */
    USER("user", "username"),
    /** A Chinese mobile number {@code 1[3-9]} and nine digits. */
    PHONE("phone", "phone"),
    /** An 18-character Chinese national id number (resident identity card). */
    NATIONAL_ID("id", "idcard"),
    /** An e-mail address. */
    EMAIL("email", "email"),
    /** A bearer credential: access token, JWT, API key, authorization header, long random token. */
    TOKEN("token", ""),
    /** A session id (JSESSIONID and the like). */
    SESSION("sess", ""),
    /** Any other cookie value: cookies identify a browser. */
    COOKIE("cookie", ""),
    /** A password, PIN or secret: never written, not even as a token. */
    SECRET("", "");

    private final String tokenTag;
    private final String accountColumn;

    IdentityKind(String tokenTag, String accountColumn) {
        this.tokenTag = tokenTag;
        this.accountColumn = accountColumn;
    }

    /** The readable part of a token, e.g. {@code acct} in {@code tok_acct_3f9a1c2b4d5e6f70}. */
    String tokenTag() {
        return tokenTag;
    }

    /** The test-account column that can stand in for such a value, or "" when none can. */
    String accountColumn() {
        return accountColumn;
    }

    /** True for every kind except {@link #NONE}. */
    public boolean isIdentity() {
        return this != NONE;
    }

    /** The kind's name as written in {@code index.csv}: {@code national_id}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written as {@code label}. */
    public static IdentityKind ofLabel(String label) {
        for (IdentityKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown identity kind '" + label + "'");
    }
}
