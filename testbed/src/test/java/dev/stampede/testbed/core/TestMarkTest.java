package dev.stampede.testbed.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.testbed.core.TestMark.Presence;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestMarkTest {

    /**
     * Headers that hold {@code value} as given: Netty's default value validation refuses surrounding
     * whitespace, which a lenient decoder or a hand-built request can still carry.
     */
    private static HttpHeaders headers(String name, String value) {
        return DefaultHttpHeadersFactory.headersFactory()
                .withValueValidation(false)
                .newHeaders()
                .add("Host", "testbed")
                .add(name, value);
    }

    @Test
    void theDefaultIsXStampedeTestOne() {
        assertThat(TestMark.DEFAULT.name()).isEqualTo("X-Stampede-Test");
        assertThat(TestMark.DEFAULT.value()).isEqualTo("1");
    }

    @Test
    void aRequestWithoutTheHeaderIsLiveTraffic() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "testbed").add("X-Other-Test", "1");

        assertThat(TestMark.DEFAULT.presenceIn(headers)).isEqualTo(Presence.ABSENT);
        assertThat(TestMark.DEFAULT.presenceIn(new DefaultHttpHeaders())).isEqualTo(Presence.ABSENT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "X-Stampede-Test | 1",
                "x-stampede-test | 1",
                "X-STAMPEDE-TEST | 1",
                "X-Stampede-Test | ' 1 '",
                "X-Stampede-Test | '1\t'"
            })
    void theHeaderWithTheValueMarksTestTrafficWhateverTheNameCaseAndSurroundingSpace(String name, String value) {
        assertThat(TestMark.DEFAULT.presenceIn(headers(name, value))).isEqualTo(Presence.MARKED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "true", "11", "", " ", "1 1", "yes"})
    void theHeaderWithAnyOtherValueIsUnrecognised(String value) {
        assertThat(TestMark.DEFAULT.presenceIn(headers("X-Stampede-Test", value)))
                .isEqualTo(Presence.UNRECOGNISED);
    }

    @Test
    void aCustomMarkIsMatchedByItsOwnNameAndValue() {
        TestMark mark = new TestMark("X-Shadow-Flag", "shadow");

        assertThat(mark.presenceIn(headers("x-shadow-flag", "shadow"))).isEqualTo(Presence.MARKED);
        assertThat(mark.presenceIn(headers("X-Shadow-Flag", "SHADOW"))).isEqualTo(Presence.UNRECOGNISED);
        assertThat(mark.presenceIn(headers("X-Stampede-Test", "shadow"))).isEqualTo(Presence.ABSENT);
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "'', 1",
                "' ', 1",
                "X-Stampede-Test, ''",
                "X-Stampede-Test, '  '",
                "NULL, 1",
                "X-Stampede-Test, NULL"
            },
            nullValues = "NULL")
    void rejectsABlankOrMissingNameOrValue(String name, String value) {
        assertThatThrownBy(() -> new TestMark(name, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the test mark needs a header name and a value");
    }
}
