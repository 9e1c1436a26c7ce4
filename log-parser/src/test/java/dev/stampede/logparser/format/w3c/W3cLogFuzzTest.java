package dev.stampede.logparser.format.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.DocumentFormat;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.Mutations;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random documents, 50,000 lines in all: directive blocks with random field lists (changing mid-file),
 * data lines made for the layout in force (with odd values now and then), mutated lines and noise. Every
 * line that is not a directive is exactly one entry, parsed or rejected, in order; nothing throws.
 */
class W3cLogFuzzTest {

    private static final String[] FIELDS = {
        "date",
        "time",
        "s-ip",
        "cs-method",
        "cs-uri-stem",
        "cs-uri-query",
        "cs-uri",
        "s-port",
        "cs-username",
        "c-ip",
        "cs(User-Agent)",
        "cs(Referer)",
        "cs(Cookie)",
        "cs-host",
        "cs(Host)",
        "cs-version",
        "sc-status",
        "sc-substatus",
        "sc-win32-status",
        "sc-bytes",
        "cs-bytes",
        "time-taken",
        "X-Forwarded-For",
        "x-custom"
    };

    @Test
    void everyNonDirectiveLineIsExactlyOneEntry() throws IOException {
        SplittableRandom random = new SplittableRandom(1003);
        int lines = 0;
        int parsed = 0;
        int rejected = 0;
        while (lines < 50_000) {
            String document = document(random);
            List<Long> expectedLines = entryLines(document);
            List<Long> seen = new ArrayList<>();
            int[] outcome = new int[2];
            W3cLogFormat.create()
                    .read(
                            new ByteArrayInputStream(document.getBytes(StandardCharsets.ISO_8859_1)),
                            "fuzz",
                            new DocumentFormat.EntrySink() {
                                @Override
                                public void parsed(RequestRecord record) {
                                    outcome[0]++;
                                    seen.add(record.sourceLine());
                                    assertThat(record.sourceFile()).isEqualTo("fuzz");
                                    assertThat(record.startMicros()).isNotEqualTo(RequestRecord.UNKNOWN);
                                    assertThat(record.method()).isNotEmpty();
                                    assertThat(record.uri()).isNotEmpty();
                                }

                                @Override
                                public void rejected(long line, String text, Rejection why) {
                                    outcome[1]++;
                                    seen.add(line);
                                    assertThat(text).isNotNull();
                                    assertThat(why.column()).isNotNegative();
                                    assertThat(why.describe()).isNotEmpty();
                                }
                            });
            assertThat(seen).as(document).isEqualTo(expectedLines);
            lines += document.split("\n", -1).length;
            parsed += outcome[0];
            rejected += outcome[1];
        }
        assertThat(parsed).isGreaterThan(10_000);
        assertThat(rejected).isGreaterThan(5_000);
    }

    /** The numbers of the lines that are entries, read the way the format reads them. */
    private static List<Long> entryLines(String document) throws IOException {
        List<Long> numbers = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new StringReader(document));
        long number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String text = number == 1 && line.startsWith("\u00EF\u00BB\u00BF") ? line.substring(3) : line;
            if (!text.startsWith("#")) {
                numbers.add(number);
            }
        }
        return numbers;
    }

    private static String document(SplittableRandom random) {
        StringBuilder document = new StringBuilder(random.nextInt(10) == 0 ? "\u00EF\u00BB\u00BF" : "");
        List<String> layout = null;
        int length = random.nextInt(1, 200);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(100);
            String line;
            if (layout == null && kind < 70 || kind < 3) {
                layout = layout(random);
                line = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: " + date(random)
                        + " 00:00:00\n#Fields: " + String.join(" ", layout);
            } else if (layout != null && kind < 80) {
                line = dataLine(layout, random);
            } else if (layout != null && kind < 95) {
                line = Mutations.mutate(dataLine(layout, random), random);
            } else {
                line = Mutations.noise(random);
            }
            document.append(line).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return document.toString();
    }

    /** A field list: usually a working one, sometimes missing what a request needs. */
    private static List<String> layout(SplittableRandom random) {
        List<String> fields = new ArrayList<>();
        for (String field : FIELDS) {
            boolean required = field.equals("date")
                    || field.equals("time")
                    || field.equals("cs-method")
                    || field.equals("cs-uri-stem");
            if (required ? random.nextInt(20) != 0 : random.nextInt(3) == 0) {
                fields.add(field);
            }
        }
        for (int i = fields.size() - 1; i > 0; i--) { // shuffled: IIS lets administrators pick fields
            int j = random.nextInt(i + 1);
            fields.set(i, fields.set(j, fields.get(i)));
        }
        return fields;
    }

    private static String dataLine(List<String> layout, SplittableRandom random) {
        List<String> values = new ArrayList<>();
        for (String field : layout) {
            values.add(random.nextInt(25) == 0 ? odd(random) : value(field, random));
        }
        if (random.nextInt(30) == 0) {
            values.remove(values.size() - 1);
        }
        return String.join(random.nextInt(20) == 0 ? "\t" : " ", values);
    }

    private static String value(String field, SplittableRandom random) {
        return switch (field) {
            case "date" -> date(random);
            case "time" ->
                String.format(
                        java.util.Locale.ROOT,
                        "%02d:%02d:%02d",
                        random.nextInt(24),
                        random.nextInt(60),
                        random.nextInt(60));
            case "cs-method" -> random.nextBoolean() ? "GET" : "POST";
            case "cs-uri-stem", "cs-uri" -> "/api/v" + random.nextInt(3) + "/q";
            case "cs-uri-query" -> random.nextBoolean() ? "-" : "a=1&b=x+y";
            case "sc-status" -> Integer.toString(random.nextInt(100, 600));
            case "sc-bytes", "cs-bytes", "time-taken", "s-port", "sc-substatus", "sc-win32-status" ->
                Long.toString(random.nextLong(0, 100_000));
            case "cs(Cookie)" -> "a=b;+c=d";
            case "cs(User-Agent)" -> "Mozilla/5.0+(Windows+NT+10.0)";
            case "X-Forwarded-For" -> "198.51.100.4,+10.0.0.1";
            default -> random.nextBoolean() ? "-" : "10.0.0." + random.nextInt(256);
        };
    }

    private static String date(SplittableRandom random) {
        return String.format(
                java.util.Locale.ROOT,
                "20%02d-%02d-%02d",
                random.nextInt(100),
                random.nextInt(1, 13),
                random.nextInt(1, 29));
    }

    private static String odd(SplittableRandom random) {
        String[] odd = {
            "-", "+", "9999-99-99", "24:00:00", "1e3", "-1", "99999999999999999999", "G(T", "\u00e9", "#", "x"
        };
        return odd[random.nextInt(odd.length)];
    }
}
