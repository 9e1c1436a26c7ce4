package dev.stampede.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpTargetTest {

    @Test
    void parsesHostPortAndBasePath() {
        HttpTarget target = HttpTarget.parse("http://127.0.0.1:8080/api/v1/");
        assertThat(target.host()).isEqualTo("127.0.0.1");
        assertThat(target.port()).isEqualTo(8080);
        assertThat(target.basePath()).isEqualTo("/api/v1");
        assertThat(target.authority()).isEqualTo("127.0.0.1:8080");
        assertThat(target).hasToString("http://127.0.0.1:8080/api/v1");
    }

    @Test
    void defaultsToPort80AndNoBasePath() {
        HttpTarget target = HttpTarget.parse("HTTP://Example.test");
        assertThat(target.port()).isEqualTo(80);
        assertThat(target.basePath()).isEmpty();
        assertThat(target.authority()).isEqualTo("Example.test");
    }

    @Test
    void keepsIpv6BracketsForHostButNotForConnecting() {
        HttpTarget target = HttpTarget.parse("http://[::1]:9000");
        assertThat(target.authority()).isEqualTo("[::1]:9000");
        assertThat(target.connectHost()).isEqualTo("::1");
    }

    @Test
    void httpsDefaultsToPort443AndLeavesItOutOfTheAuthority() {
        HttpTarget target = HttpTarget.parse("https://shop.test/api/");
        assertThat(target.isTls()).isTrue();
        assertThat(target.scheme()).isEqualTo("https");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.authority()).isEqualTo("shop.test");
        assertThat(target).hasToString("https://shop.test/api");
        assertThat(HttpTarget.parse("https://shop.test:80").authority()).isEqualTo("shop.test:80");
        assertThat(HttpTarget.parse("http://shop.test:443").authority()).isEqualTo("shop.test:443");
        assertThat(HttpTarget.parse("http://shop.test").isTls()).isFalse();
    }

    @Test
    void rejectsWhatItCannotServeWithTheReason() {
        assertThatThrownBy(() -> HttpTarget.parse("ftp://host"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheme must be http:// or https://");
        assertThatThrownBy(() -> HttpTarget.parse("https:///path")).hasMessageContaining("no host (expected https://");
        assertThatThrownBy(() -> HttpTarget.parse("127.0.0.1:8080")).hasMessageContaining("127.0.0.1:8080");
        assertThatThrownBy(() -> HttpTarget.parse("http:///path")).hasMessageContaining("no host");
        assertThatThrownBy(() -> HttpTarget.parse("http://h/p?q=1")).hasMessageContaining("no query");
        assertThatThrownBy(() -> HttpTarget.parse("http://h:99999")).hasMessageContaining("bad target URL");
        assertThatThrownBy(() -> HttpTarget.parse("http://a b")).hasMessageContaining("bad target URL 'http://a b'");
        assertThatThrownBy(() -> HttpTarget.parse("  ")).hasMessageContaining("empty");
    }
}
