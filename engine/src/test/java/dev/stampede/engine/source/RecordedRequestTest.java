package dev.stampede.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.model.pool.TestAccounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a replay sends for a recorded request: its target as bytes on the wire, its login as a test account. */
class RecordedRequestTest {

    @TempDir
    Path dir;

    @Test
    void aLoggedTargetGoesOnTheWireAsVisibleAscii() {
        assertThat(RecordedRequest.requestTarget("/api/quote/600519?x=1")).isEqualTo("/api/quote/600519?x=1");
        // Raw bytes the log kept (one char per byte) are percent-encoded, byte for byte.
        assertThat(RecordedRequest.requestTarget("/s?q=\u00e4 b")).isEqualTo("/s?q=%E4%20b");
        assertThat(RecordedRequest.requestTarget("http://shop.test:8080/a/b?c")).isEqualTo("/a/b?c");
        assertThat(RecordedRequest.requestTarget("http://shop.test")).isEqualTo("/");
        assertThat(RecordedRequest.requestTarget("x")).isEqualTo("/x");
    }

    @Test
    void loginsLogInAsTheTestAccountDealtToEachReplayedUser() throws IOException {
        Path csv = dir.resolve("accounts.csv");
        Files.writeString(csv, "account,username,password\nA1,t001,pw1\nA2,t002,pw2\n", StandardCharsets.UTF_8);
        LoginIdentities identities = new LoginIdentities(TestAccounts.read(csv));

        String json = text(identities.body(bytes("{\"user\":\"u9\",\"password\":\"secret\",\"device\":\"ios\"}"), 0));
        String again = text(identities.body(bytes("{\"user\":\"u9\",\"password\":\"secret\"}"), 0));
        String clone = text(identities.body(bytes("{\"user\":\"u9\",\"password\":\"secret\"}"), 1));
        String form = text(identities.body(bytes("username=u7&password=p%40ss&remember=1"), 0));
        byte[] other = bytes("{\"query\":\"x\"}");

        assertThat(json).isEqualTo("{\"user\":\"t001\",\"password\":\"pw1\",\"device\":\"ios\"}");
        assertThat(again).contains("\"t001\""); // the same recorded user keeps their account
        assertThat(clone).contains("\"t002\""); // a clone of that user gets another
        assertThat(form).isEqualTo("username=t001&password=pw1&remember=1");
        assertThat(identities.body(other, 0)).isSameAs(other); // not a login: sent as recorded
        assertThat(identities.replaced()).isEqualTo(4);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
