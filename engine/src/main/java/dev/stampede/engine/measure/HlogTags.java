package dev.stampede.engine.measure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The tags of {@code latency.hlog}: which histogram line belongs to which endpoint and metric.
 *
 * <p>Tags:
 *
 * <ul>
 *   <li>overall latency: <em>untagged</em>, so HdrHistogram's {@code HistogramLogProcessor} without
 *       {@code -tag} reports the run's coordinated-omission-free latency;
 *   <li>overall service time and send lag: {@code service}, {@code send-lag};
 *   <li>per endpoint: {@code <metric>:<escaped endpoint name>}, e.g. {@code latency:GET%20/api/quote/{code}}.
 * </ul>
 *
 * <p>Why names are escaped: HdrHistogram's reader splits a log line on space, comma, CR and LF
 * ({@code Scanner} delimiter {@code [ ,\r\n]}), so a tag containing one of them shifts the fields:
 * the reader fails to parse that line and stops there, losing it and every line after it. (HdrHistogram 2.2.2's writer tries to refuse such tags, but its check,
 * {@code Pattern ".[, \r\n]."} with {@code matches()}, only catches three-character tags.) The writer
 * and reader also use the platform charset, so only ASCII survives everywhere.
 *
 * <p>The mapping, percent-encoding of the name's UTF-8 bytes: a byte from {@code !} (0x21) to
 * {@code ~} (0x7E) stays as it is, except {@code %} and {@code ,}; every other byte (space, comma,
 * percent, control characters, DEL, non-ASCII) becomes {@code %XX} with two upper-case hex digits. It
 * is injective (the percent sign is always escaped), so two endpoints never share a tag, and {@link
 * #unescape} recovers the name.
 */
public final class HlogTags {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HlogTags() {}

    /** The tag of {@code metric} over all endpoints: {@code null} (untagged) for latency. */
    public static String overallTag(Metric metric) {
        return metric == Metric.LATENCY ? null : metric.tagPrefix();
    }

    /** The tag of {@code metric} for the endpoint named {@code endpointName}. */
    public static String endpointTag(Metric metric, String endpointName) {
        return metric.tagPrefix() + ":" + escape(endpointName);
    }

    /** The endpoint name in tag-safe form (see the class comment for the mapping). */
    public static String escape(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x21 && c <= 0x7E && c != '%' && c != ',') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** The name that {@link #escape} turned into {@code escaped}. */
    public static String unescape(String escaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%') {
                if (i + 2 >= escaped.length()) {
                    throw new IllegalArgumentException("truncated escape at " + i + " in " + escaped);
                }
                int high = Character.digit(escaped.charAt(i + 1), 16);
                int low = Character.digit(escaped.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("bad escape at " + i + " in " + escaped);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
