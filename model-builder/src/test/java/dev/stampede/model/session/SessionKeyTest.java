package dev.stampede.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.logparser.RequestRecord;
import org.junit.jupiter.api.Test;

class SessionKeyTest {

    private static RequestRecord record() {
        return new RequestRecord()
                .method("GET")
                .uri("/api/x?uid=42&b=1")
                .clientAddress("10.0.0.1")
                .header("User-Agent", "App/1");
    }

    @Test
    void takesTheFirstFieldPresentElseAddressAndAgent() {
        SessionKey key = SessionKey.parse("cookie:SESSION, field:upstream_cookie_SESSION");

        assertThat(key.of(record().extra("upstream_cookie_SESSION", "new"))).isEqualTo("new");
        assertThat(key.of(record().cookie("SESSION", "old").extra("upstream_cookie_SESSION", "new")))
                .isEqualTo("old");
        assertThat(key.of(record().cookie("SESSION", "-"))).isEqualTo("ip:10.0.0.1|App/1");
        assertThat(key.presentIn(record())).isFalse();
        assertThat(key.presentIn(record().cookie("SESSION", "s"))).isTrue();
        assertThat(key).hasToString("cookie:SESSION,field:upstream_cookie_SESSION");
    }

    @Test
    void headersQueriesAndIpUa() {
        assertThat(SessionKey.parse("header:X-Device-Id").of(record().header("x-device-id", "d1")))
                .isEqualTo("d1");
        assertThat(SessionKey.parse("query:uid").of(record())).isEqualTo("42");
        assertThat(SessionKey.parse("query:u").of(record())).startsWith("ip:");
        assertThat(SessionKey.parse("ip+ua").of(record())).isEqualTo("ip:10.0.0.1|App/1");
        assertThat(SessionKey.parse("ip+ua").presentIn(record())).isTrue();
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertThatThrownBy(() -> SessionKey.parse("")).hasMessageContaining("empty session key");
        assertThatThrownBy(() -> SessionKey.parse("cookie:")).hasMessageContaining("names no field");
        assertThatThrownBy(() -> SessionKey.parse("jwt:sub"))
                .hasMessageContaining("unknown kind 'jwt'")
                .hasMessageContaining("cookie:NAME");
    }
}
