package dev.stampede.model.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // numbers
        "42, NUMBER",
        "0, NUMBER",
        "1432456789012, NUMBER",
        "123456, NUMBER", // six digits that no exchange uses
        "12345678, NUMBER", // eight digits that are no date
        "20261341, NUMBER",
        // stock codes
        "600519, CODE",
        "000001, CODE",
        "300750, CODE",
        "688981, CODE",
        "830799, CODE",
        "00700.HK, CODE",
        "600519.SH, CODE",
        "000001.SZ, CODE",
        "000001.sz, CODE",
        "sh600519, CODE",
        "HK00700, CODE",
        // tickers: only a shape; the position decides
        "AAPL, TICKER",
        "BRK.B, TICKER",
        "BF-B, TICKER",
        "T, TICKER",
        "API, TICKER",
        // uuids
        "123e4567-e89b-12d3-a456-426614174000, UUID",
        "123E4567-E89B-12D3-A456-426614174000, UUID",
        // dates
        "2026-11-21, DATE",
        "20261121, DATE",
        "2024-02-29, DATE",
        "2026-11-21T09:30:00Z, DATE",
        "2026-11-21T09:30:00.123+08:00, DATE",
        // hex ids
        "507f1f77bcf86cd799439011, HEX",
        "d41d8cd98f00b204e9800998ecf8427e, HEX",
        "DEADBEEF01, HEX",
        // base64 / base64url tokens and JWTs
        "dGhpcyBpcyBhIHRva2VuMTIz, TOKEN",
        "Xk9_2bQz-7LmA4pR1sT0vW, TOKEN",
        "aGVsbG8gd29ybGQ1MjM0NQ==, TOKEN",
        "123e4567-e89b-12d3-a456-42661417400g, TOKEN", // not a UUID, still random-looking
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIz, TOKEN",
    })
    void values(String segment, SegmentClass expected) {
        assertThat(SegmentClassifier.classify(segment)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} stays literal")
    @CsvSource({
        "v1",
        "v2.1",
        "app.0.js",
        "favicon.ico",
        "index.html",
        "login",
        "quote",
        "api",
        "Api",
        "1.0",
        "jquery-1.4.2.min.js",
        "logstash-monitorama-2013",
        "find-that-lost-screen-session-2.html",
        "getUserProfileSettings",
        "disabling-battery-in-ubuntu-vms",
        "cafe",
        "deadbeef", // all hex letters, no digit: a word
        "2026-13-01", // no such month
        "2026-02-30",
        "TOOLONGWORD",
        "BRK.BBB",
        "600519.XX",
    })
    void literals(String segment) {
        assertThat(SegmentClassifier.classify(segment)).isEqualTo(SegmentClass.LITERAL);
    }

    @ParameterizedTest(name = "{0}: strong {1}")
    @CsvSource({
        "NUMBER, true",
        "CODE, true",
        "UUID, true",
        "DATE, true",
        "HEX, true",
        "TOKEN, true",
        "TICKER, false",
        "LITERAL, false"
    })
    void strength(SegmentClass segmentClass, boolean strong) {
        assertThat(segmentClass.strong()).isEqualTo(strong);
    }

    @org.junit.jupiter.api.Test
    void classifiesARangeWithoutLookingOutsideIt() {
        String uri = "/api/quote/600519/AAPL?x";
        assertThat(SegmentClassifier.classify(uri, 11, 17)).isEqualTo(SegmentClass.CODE);
        assertThat(SegmentClassifier.classify(uri, 18, 22)).isEqualTo(SegmentClass.TICKER);
        assertThat(SegmentClassifier.classify(uri, 5, 10)).isEqualTo(SegmentClass.LITERAL);
    }
}
