package dev.stampede.model.pool;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The secret key of the keyed hash behind every token. Whoever holds it can test guesses (there are only
 * some 7 billion mobile numbers), so it is never written to the model or the data pool and never printed:
 * {@link #toString()} hides it. Give the same key to two builds to get the same tokens from both; a key
 * made with {@link #random} lives only as long as the process.
 */
public final class MaskingKey {

    /** Keys shorter than this are refused: a short key could be found by trying keys. */
    public static final int MIN_BYTES = 16;

    private final byte[] bytes;

    private MaskingKey(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException(
                    "a masking key needs at least " + MIN_BYTES + " bytes, was " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** A key from raw bytes (copied). */
    public static MaskingKey of(byte[] bytes) {
        return new MaskingKey(bytes);
    }

    /** A key from a user's passphrase, its UTF-8 bytes; at least {@value #MIN_BYTES} of them. */
    public static MaskingKey ofPassphrase(String passphrase) {
        return new MaskingKey(passphrase.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A fresh 256-bit key for one model. Takes a {@link SecureRandom}, not a seeded generator: a key from
     * a known seed would let anyone reverse the tokens.
     */
    public static MaskingKey random(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new MaskingKey(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MaskingKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "MaskingKey[" + bytes.length + " bytes, hidden]";
    }
}
