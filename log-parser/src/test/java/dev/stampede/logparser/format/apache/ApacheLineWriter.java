package dev.stampede.logparser.format.apache;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes random requests as httpd would log them, for property tests: values escaped like
 * {@code ap_escape_logitem} ({@code \"}, {@code \\}, {@code \xhh} for bytes outside printable ASCII),
 * times rendered with java.time. Independent of the parser under test.
 */
final class ApacheLineWriter {

    /** The complex format the property tests use: most directive kinds, two time fields, %U%q. */
    static final String COMPLEX = "%v:%p %{c}a %h %l %u [%{%d/%b/%Y:%H:%M:%S}t.%{usec_frac}t %{%z}t]"
            + " \"%m %U%q %H\" %>s %b %D \"%{Referer}i\" \"%{User-Agent}i\" %{SESSION}C %X %{end:msec}t";

    static final String COMBINED = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"";

    private static final DateTimeFormatter CLF_DATE =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ENGLISH);
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"};
    private static final String[] PROTOCOLS = {"HTTP/1.0", "HTTP/1.1", "HTTP/2.0"};
    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String PATH = TOKEN + "/._-~%";
    private static final String TEXT = TOKEN + " \"\\-/;:,.()[]{}?=&%+'\t\u0001\u001b\u007f\u00e4\u00ff";

    /** One random request: the values it was made of, and its line in either format. */
    record Request(
            long startMicros,
            String client,
            String peer,
            String vhost,
            String method,
            String path,
            String query,
            String protocol,
            int status,
            long bytes,
            boolean bytesDash,
            long durationMicros,
            String referer,
            String userAgent,
            String session,
            int offsetSeconds) {

        String uri() {
            return path + query;
        }

        String combined() {
            return client + " - - [" + clf(startMicros / 1_000_000, offsetSeconds) + "] \""
                    + escape(method + " " + uri() + " " + protocol) + "\" " + status + " " + (bytesDash ? "-" : bytes)
                    + " \"" + header(referer) + "\" \"" + header(userAgent) + "\"";
        }

        String complex(SplittableRandom random) {
            long endMillis = (startMicros + durationMicros) / 1000;
            return vhost + ":" + (1 + random.nextInt(65_535)) + " " + peer + " " + client + " - "
                    + (random.nextBoolean() ? "-" : "user" + random.nextInt(100)) + " ["
                    + clf(startMicros / 1_000_000, offsetSeconds).replace(" ", "." + fraction() + " ") + "] \""
                    + method + " " + path + query + " " + protocol + "\" " + status + " " + (bytesDash ? "-" : bytes)
                    + " " + durationMicros + " \"" + header(referer) + "\" \"" + header(userAgent) + "\" "
                    + (session == null ? "-" : session) + " " + "X+-".charAt(random.nextInt(3)) + " " + endMillis;
        }

        private String fraction() {
            String micros = "00000" + Math.floorMod(startMicros, 1_000_000L);
            return micros.substring(micros.length() - 6);
        }
    }

    private ApacheLineWriter() {}

    static Request request(SplittableRandom random) {
        long startMicros = random.nextLong(946_684_800_000_000L, 1_893_456_000_000_000L);
        boolean dash = random.nextInt(10) == 0;
        return new Request(
                startMicros,
                address(random),
                address(random),
                word(random, TOKEN, 1, 12) + ".example",
                METHODS[random.nextInt(METHODS.length)],
                "/" + word(random, PATH, 0, 40),
                random.nextBoolean() ? "" : "?" + word(random, TOKEN + "=&%", 0, 30),
                PROTOCOLS[random.nextInt(PROTOCOLS.length)],
                100 + random.nextInt(500),
                dash ? 0 : random.nextLong(0, 100_000_000L),
                dash,
                random.nextLong(0, 100_000_000L),
                random.nextInt(4) == 0 ? null : word(random, TEXT, 0, 80),
                random.nextInt(8) == 0 ? null : word(random, TEXT, 0, 120),
                random.nextInt(3) == 0 ? null : word(random, TOKEN, 1, 24),
                random.nextInt(-12 * 4, 14 * 4 + 1) * 900);
    }

    /** httpd's ap_escape_logitem. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String header(String value) {
        return value == null ? "-" : escape(value);
    }

    private static String clf(long epochSecond, int offsetSeconds) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetSeconds);
        OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), offset);
        int minutes = Math.abs(offsetSeconds) / 60;
        String zone = (offsetSeconds < 0 ? "-" : "+") + two(minutes / 60) + two(minutes % 60);
        return time.format(CLF_DATE) + " " + zone;
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String address(SplittableRandom random) {
        if (random.nextInt(5) == 0) {
            return "2001:db8::" + Integer.toHexString(random.nextInt(0x10000));
        }
        return random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    private static String word(SplittableRandom random, String alphabet, int min, int max) {
        int length = random.nextInt(min, max + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String word = out.toString();
        return word.equals("-") ? "--" : word;
    }
}
