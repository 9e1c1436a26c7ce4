package dev.stampede.logparser.format.nginx;

import java.util.SplittableRandom;

/**
 * Lines of a format built variable by variable from values at the edges of what each decoder accepts:
 * good values most of the time, so that the odd one decides the line's outcome.
 */
final class OddValues {

    private static final String[] ADDRESSES = {
        "1.2.3.4",
        "::1",
        "2a03:0000:10ff:f00f::8000",
        "10.0.0.2, 10.0.0.1",
        "10.0.0.2,10.0.0.1, 127.0.0.1",
        "fe80::1%eth0",
        "[::1]",
        "a_b-c",
        "a,,b",
        ",x",
        "x,",
        "x, ",
        "1.2.3.4 5",
        "\"q\"",
        "",
        "-",
        "1.2.3.4\u00e9"
    };
    private static final String[] TIMES_LOCAL = {
        "17/May/2015:08:05:32 +0000",
        "29/Feb/2016:23:59:60 -1130",
        "31/Dec/1969:23:59:59 +0000",
        "29/Feb/2015:00:00:00 +0000",
        "32/Jan/2020:00:00:00 +0000",
        "17/Mai/2015:08:05:32 +0000",
        "17/May/2015:24:00:00 +0000",
        "17/May/2015:08:05:32 +1900",
        "17/May/2015:08:05:32 0000",
        "17/May/2015:08:05:32",
        "17/May/2015 08:05:32 +0000",
        "",
        "x7/May/2015:08:05:32 +0000"
    };
    private static final String[] TIMES_ISO = {
        "2026-11-21T14:42:01+08:00", "2026-11-21T14:42:01Z", "2026-11-21T14:42:01.5+00:00", "2026-13-01T00:00:00Z", ""
    };
    private static final String[] SECONDS = {
        "1795272999.329",
        "1795272999",
        "0.019",
        "0",
        "0.000",
        "-1",
        "1e9",
        "1.5E+3",
        "2E-3",
        "abc",
        "",
        ".",
        "-",
        "99999999999999999999",
        "0.0000001",
        "12.",
        ".5",
        "1e",
        "+1"
    };
    private static final String[] UPSTREAM_TIMES = {
        "0.010", "-", "0.010, 0.002", "0.010 : 0.002", " 0.1 ,- ", "-, -", "0.1,", ",", "x", "0.1, x", "", "1e2 : 3"
    };
    private static final String[] REQUESTS = {
        "GET / HTTP/1.1",
        "POST /api/order?x=1 HTTP/2.0",
        "GET /a b HTTP/1.0",
        "GET /x",
        "GET /x HTTP",
        "GET /x HTTP/",
        "GET /x HT",
        "GET /x H",
        "GET /x ",
        "GET  HTTP/1.1",
        "GET  ",
        "G@T / HTTP/1.1",
        "-",
        "",
        " / HTTP/1.1",
        "GET /x HTTP/1.1 ",
        "GET /\\x22q\\x22 HTTP/1.1",
        "PROPFIND /dav HTTP/1.1",
        "GET /x HTTP/3",
        "GET /\u00e9t\u00e9 HTTP/1.1",
        "GET /x\\\\y HTTP/1.1",
        "\\x47ET / HTTP/1.1",
        "GET /a?b=c&d HTTP/2",
        "HEAD /h HTTP/1.0",
        "OPTIONS * HTTP/1.1",
        "GET",
        "GET /x\\ HTTP/1.1"
    };
    private static final String[] STATUSES = {"200", "304", "503", "2000", "20", "-", "2x0", "abc", "", "099"};
    private static final String[] SIZES = {
        "0", "5", "-", "123456789012345678", "1234567890123456789", "", "12a", "-5", " 5"
    };
    private static final String[] TEXTS = {
        "-",
        "",
        "Mozilla/5.0 (X11; Linux x86_64)",
        "curl/8.4.0",
        "a\\x22b",
        "\\\\",
        "\u00e9\u00ff",
        "x\\",
        "\\x2",
        "quoted \\\" inside",
        "https://trade.example.com/market?tab=hot",
        "--",
        " - ",
        "\\n\\t\\r"
    };
    private static final String[] HOSTS = {"-", "example.com", "", "EXAMPLE.com:8080"};
    private static final String[] FORWARDED = {"-", "203.0.113.9, 10.0.0.1", " 1.2.3.4 ", "", "x"};
    private static final String[] URIS = {"/a", "-", "", "/x\\x20y", "?q=1", "/p"};
    private static final String[] METHODS = {"GET", "POST", "", "-", "G T"};

    private OddValues() {}

    /** A line of {@code format}; now and then cut short. */
    static String line(NginxFormat format, SplittableRandom random) {
        StringBuilder line = new StringBuilder(format.leadingLiteral());
        for (Segment segment : format.segments()) {
            line.append(value(segment.variable(), random)).append(segment.followingLiteral());
        }
        if (random.nextInt(20) == 0) {
            line.setLength(random.nextInt(line.length() + 1));
        }
        return line.toString();
    }

    private static String value(String variable, SplittableRandom random) {
        String[] values = switch (variable) {
            case "remote_addr", "realip_remote_addr", "binary_remote_addr" -> ADDRESSES;
            case "time_local" -> TIMES_LOCAL;
            case "time_iso8601" -> TIMES_ISO;
            case "msec", "request_time" -> SECONDS;
            case "upstream_response_time", "upstream_header_time", "upstream_connect_time" -> UPSTREAM_TIMES;
            case "request" -> REQUESTS;
            case "status" -> STATUSES;
            case "body_bytes_sent", "bytes_sent" -> SIZES;
            case "host", "http_host" -> HOSTS;
            case "http_x_forwarded_for" -> FORWARDED;
            case "request_uri", "uri", "args" -> URIS;
            case "request_method" -> METHODS;
            default -> TEXTS;
        };
        // The first value of each list is a good one: most variables get it, the odd one decides.
        return random.nextInt(3) == 0 ? values[random.nextInt(values.length)] : values[0];
    }
}
