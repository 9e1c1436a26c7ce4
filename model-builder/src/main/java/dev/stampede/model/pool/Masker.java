package dev.stampede.model.pool;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces identity values by tokens: HMAC-SHA256 of the value's UTF-8 bytes under a {@link MaskingKey},
 * rendered in the value's shape class (see {@code TokenShapes}: {@code tok_acct_3f9a1c2b4d5e6f70},
 * format-preserving digits for phone and national id numbers, {@code tok_...@mask.invalid} for e-mails).
 *
 * <p>The same key and value always give the same token, in any slot, so a user's requests stay linked
 * across sessions and parameters; another key gives unrelated tokens. The hash covers the value only, not
 * its slot: {@code accountId=A1} and {@code acct=A1} share a token's hex part. Secrets are dropped, never
 * tokenised (a hash of a short password is easily reversed).
 *
 * <p>Not thread-safe (it holds one {@link Mac}); make one per thread.
 */
public final class Masker {

    private static final String ALGORITHM = "HmacSHA256";

    private final IdentityPolicy policy;
    private final Mac mac;

    public Masker(MaskingKey key, IdentityPolicy policy) {
        this.policy = policy;
        try {
            this.mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.bytes(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        }
    }

    public IdentityPolicy policy() {
        return policy;
    }

    /**
     * {@code value} as it may be written for slot {@code slotName}: a token when the value is identity
     * ({@link IdentityPolicy#classify}), null when it is a secret, and otherwise the value with every phone
     * number, national id, e-mail or JWT found inside it replaced by its token ({@code Bearer eyJ...} ->
     * {@code Bearer tok_token_...}).
     */
    public String mask(String slotName, String value) {
        IdentityKind kind = policy.classify(slotName, value);
        if (kind == IdentityKind.SECRET) {
            return null;
        }
        return kind.isIdentity() ? token(kind, value) : scrub(value);
    }

    /** {@code value} with every identity found inside it replaced by its token. */
    public String scrub(String value) {
        ValuePatterns.Found found = ValuePatterns.findFrom(value, 0);
        if (found == null) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        int copied = 0;
        while (found != null) {
            out.append(value, copied, found.start());
            out.append(token(found.kind(), value.substring(found.start(), found.end())));
            copied = found.end();
            found = ValuePatterns.findFrom(value, copied);
        }
        return out.append(value, copied, value.length()).toString();
    }

    /** The token for {@code value} as an identity of {@code kind} (not NONE or SECRET). */
    public String token(IdentityKind kind, String value) {
        return TokenShapes.render(kind, hmac(value));
    }

    /**
     * 16 hex digits of the keyed hash: equal for equal values under one key, whatever their kind. Used to
     * give each identity its test account.
     */
    public String fingerprint(String value) {
        return TokenShapes.hex(hmac(value));
    }

    private byte[] hmac(String value) {
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
