package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.Rejection;

/**
 * A line that was not parsed, with where it was and why, for the few shown to the user.
 *
 * @param source input name
 * @param line line number, from 1
 * @param text the line (cut to 300 characters)
 * @param rejection why
 */
public record RejectedLine(String source, long line, String text, Rejection rejection) {

    static RejectedLine of(String source, long line, String text, Rejection rejection) {
        String shown = text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
        return new RejectedLine(source, line, shown, rejection);
    }

    /** {@code access.log:8899: truncated in http_user_agent at column 140: ...}. */
    public String describe() {
        return source + ":" + line + ": " + rejection.describe();
    }
}
