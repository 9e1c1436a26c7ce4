package dev.stampede.logparser.format.har;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The request body from {@code postData}: {@code text} as UTF-8 (JSON holds text, and UTF-8 is what
 * browsers post), or base64-decoded when a tool marked it {@code "encoding": "base64"}; without text,
 * the {@code params} of a URL-encoded form, encoded again as a browser would send them.
 */
final class HarBody {

    /** Returned when the text is marked base64 but is not. */
    static final byte[] INVALID = new byte[0];

    private HarBody() {}

    /** The body bytes, {@code null} when the entry posted nothing, or {@link #INVALID}. */
    static byte[] of(HarEntry entry) {
        if (entry.postText != null && !entry.postText.isEmpty()) {
            if ("base64".equalsIgnoreCase(entry.postEncoding)) {
                try {
                    // Line breaks are allowed (MIME style); anything else outside the alphabet is an error,
                    // which the lenient MIME decoder would skip silently.
                    return Base64.getDecoder().decode(entry.postText.replaceAll("[\\r\\n\\t ]", ""));
                } catch (IllegalArgumentException notBase64) {
                    return INVALID;
                }
            }
            return entry.postText.getBytes(StandardCharsets.UTF_8);
        }
        if (entry.postParams.isEmpty() || !isUrlEncodedForm(entry.postMimeType)) {
            // A multipart form without its text cannot be rebuilt faithfully (the boundary and the file
            // contents are not in the HAR): no body rather than a wrong one.
            return null;
        }
        StringBuilder form = new StringBuilder();
        for (String[] param : entry.postParams) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(param[0], StandardCharsets.UTF_8));
            form.append('=').append(URLEncoder.encode(param[1] == null ? "" : param[1], StandardCharsets.UTF_8));
        }
        return form.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isUrlEncodedForm(String mimeType) {
        return mimeType == null
                || mimeType.isBlank()
                || mimeType.strip().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
