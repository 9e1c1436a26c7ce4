package dev.stampede.model.pool;

import java.util.Map;

/**
 * One test user a replay logs in as.
 *
 * @param account the account id
 * @param username the login name
 * @param password the login password; {@link #toString()} does not show it
 * @param extra the file's other columns by lower-case header (e.g. {@code phone}, {@code email})
 */
public record TestAccount(String account, String username, String password, Map<String, String> extra) {

    public TestAccount {
        extra = Map.copyOf(extra);
    }

    /**
     * The value that stands in for an identity of {@code kind}: the account for {@link IdentityKind#ACCOUNT},
     * the user name for {@link IdentityKind#USER}, the {@code phone}, {@code email} or {@code idcard}
     * column for those kinds when the file has it; null when the account has nothing of that kind.
     */
    public String standIn(IdentityKind kind) {
        return switch (kind) {
            case ACCOUNT -> account;
            case USER -> username;
            case PHONE, EMAIL, NATIONAL_ID -> extra.get(kind.accountColumn());
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "TestAccount[account=" + account + ", username=" + username + ", password hidden, extra="
                + extra.keySet() + "]";
    }
}
