package dev.stampede.testbed.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusTextParserTest {
    private static final String VALID = """
            # A comment that is not HELP or TYPE.
            # HELP jobs_total Jobs done; a backslash \\\\ and a line feed \\n in help.
            # TYPE jobs_total counter
            jobs_total{kind="a\\"b\\\\c\\nd",} 3
            jobs_total{kind="plain"} 1e3 1700000000000

            # TYPE queue gauge
            # HELP queue Queue depth.
            queue -2.5
            # HELP lat_seconds Latency.
            # TYPE lat_seconds histogram
            lat_seconds_bucket{route="x",le="0.5"} 1
            lat_seconds_bucket{route="x",le="1"} 1
            lat_seconds_bucket{route="x",le="+Inf"} 4
            lat_seconds_sum{route="x"} 12.75
            lat_seconds_count{route="x"} 4
            """;

    private static final String HISTOGRAM_HEADER = "# HELP h H.\n# TYPE h histogram\n";

    @Test
    void parsesValidTextAndDecodesEscapes() {
        PrometheusTextParser parsed = PrometheusTextParser.parse(VALID);

        assertThat(parsed.families()).containsExactly("jobs_total", "queue", "lat_seconds");
        assertThat(parsed.type("lat_seconds")).isEqualTo("histogram");
        assertThat(parsed.help("jobs_total")).isEqualTo("Jobs done; a backslash \\ and a line feed \n in help.");
        assertThat(parsed.value("jobs_total", Map.of("kind", "a\"b\\c\nd"))).isEqualTo(3);
        assertThat(parsed.value("jobs_total", Map.of("kind", "plain"))).isEqualTo(1000);
        assertThat(parsed.value("queue", Map.of())).isEqualTo(-2.5);
        assertThat(parsed.samples("lat_seconds_bucket")).hasSize(3);
        assertThat(parsed.samples("lat_seconds_bucket").get(2).line()).isEqualTo(14);
        assertThat(parsed.value("lat_seconds_bucket", Map.of("route", "x", "le", "+Inf")))
                .isEqualTo(4);
    }

    @Test
    void valueOfAMissingSeriesFails() {
        PrometheusTextParser parsed = PrometheusTextParser.parse(VALID);

        assertThatThrownBy(() -> parsed.value("queue", Map.of("x", "y")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no series queue");
    }

    static Stream<Arguments> brokenTexts() {
        return Stream.of(
                Arguments.of(
                        "non-cumulative buckets",
                        HISTOGRAM_HEADER
                                + "h_bucket{le=\"1\"} 5\nh_bucket{le=\"2\"} 4\nh_bucket{le=\"+Inf\"} 5\n"
                                + "h_sum 1\nh_count 5\n",
                        "line 4: bucket counts must be cumulative"),
                Arguments.of(
                        "+Inf bucket differs from _count",
                        HISTOGRAM_HEADER + "h_bucket{le=\"+Inf\"} 5\nh_sum 1\nh_count 6\n",
                        "line 5: _count must equal the +Inf bucket"),
                Arguments.of(
                        "no +Inf bucket",
                        HISTOGRAM_HEADER + "h_bucket{le=\"1\"} 5\nh_sum 1\nh_count 5\n",
                        "line 3: the last bucket must be le=\"+Inf\""),
                Arguments.of(
                        "le not increasing",
                        HISTOGRAM_HEADER + "h_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\n",
                        "line 4: le must increase"),
                Arguments.of("missing TYPE", "# HELP g G.\ng 1\n", "line 2: family g has no TYPE"),
                Arguments.of("missing HELP and TYPE", "g 1\n", "line 1: sample g is not preceded"),
                Arguments.of("HELP without samples or TYPE", "# HELP g G.\n", "line 1: family g needs both"),
                Arguments.of(
                        "HELP after samples",
                        "# HELP g G.\n# TYPE g gauge\ng 1\n# HELP g Again.\n",
                        "line 4: HELP and TYPE of g must precede its samples"),
                Arguments.of("unknown type", "# HELP s S.\n# TYPE s summary\n", "line 2: TYPE must be one of"),
                Arguments.of("second HELP", "# HELP g G.\n# HELP g G.\n", "line 2: second HELP"),
                Arguments.of(
                        "family split in two groups",
                        "# HELP a A.\n# TYPE a gauge\na 1\n# HELP b B.\n# TYPE b gauge\nb 1\n# HELP a A.\n",
                        "line 7: family a appears twice"),
                Arguments.of("bad escape", gauge("g{x=\"a\\tb\"} 1"), "line 3: bad escape in label value"),
                Arguments.of("unescaped quote", gauge("g{x=\"a\"b\"} 1"), "line 3: expected ',' or '}'"),
                Arguments.of("unterminated label value", gauge("g{x=\"a} 1"), "line 3: unterminated"),
                Arguments.of("duplicate series", gauge("g{x=\"a\"} 1\ng{x=\"a\"} 2"), "line 4: duplicate series"),
                Arguments.of("duplicate label", gauge("g{x=\"a\",x=\"b\"} 1"), "line 3: label x given twice"),
                Arguments.of("locale comma in value", gauge("g 1,5"), "line 3: not a valid float: '1,5'"),
                Arguments.of("Java's Infinity", gauge("g Infinity"), "line 3: not a valid float"),
                Arguments.of("no value", gauge("g{x=\"a\"}"), "line 3: expected ' value"),
                Arguments.of("negative counter", "# HELP c C.\n# TYPE c counter\nc -1\n", "line 3: a count must be"),
                Arguments.of("no final line feed", "# HELP g G.\n# TYPE g gauge\ng 1", "line 3: the last line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTexts")
    void rejectsBrokenText(String description, String text, String expectedMessage) {
        assertThatThrownBy(() -> PrometheusTextParser.parse(text))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(expectedMessage);
    }

    private static String gauge(String sampleLines) {
        return "# HELP g G.\n# TYPE g gauge\n" + sampleLines + "\n";
    }
}
