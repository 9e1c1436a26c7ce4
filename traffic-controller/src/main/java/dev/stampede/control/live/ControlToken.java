package dev.stampede.control.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token of a run's control API: generated per run (256 random bits, URL-safe Base64), or
 * read from a file or an environment variable so that a team can share one. Compared in constant time.
 */
public final class ControlToken {

    /** The environment variable a token may come from. */
    public static final String ENV = "STAMPEDE_CONTROL_TOKEN";

    private final String value;

    private ControlToken(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a control token must not be empty");
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("a control token is printable ASCII without spaces");
        }
        this.value = value;
    }

    /** A new random token. */
    public static ControlToken generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new ControlToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token {@code text} (surrounding white space removed). */
    public static ControlToken of(String text) {
        return new ControlToken(text == null ? null : text.strip());
    }

    /**
     * The token in {@code file}: its first line, trimmed.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it holds no token, naming the file
     */
    public static ControlToken read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        int newline = text.indexOf('\n');
        try {
            return of(newline < 0 ? text : text.substring(0, newline));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The token's text, for the {@code Authorization: Bearer} header. */
    public String value() {
        return value;
    }

    /** Whether an {@code Authorization} header value carries this token ({@code Bearer TOKEN}); constant time. */
    public boolean authorizes(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Never the token itself: it must not end up in logs. */
    @Override
    public String toString() {
        return "ControlToken[hidden]";
    }
}
