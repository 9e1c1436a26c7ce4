package dev.stampede.control.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.control.ControlLog;
import dev.stampede.control.profile.RateProfile;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ControlServerTest {

    private static final ControlToken TOKEN = ControlToken.of("s3cret-token");

    private final List<String> log = new ArrayList<>();
    private final List<String> stops = new ArrayList<>();
    private final LiveRate rate =
            new LiveRate(RateProfile.constant(100), 1000, "req/s", (who, what) -> log.add(who + ": " + what));
    private final HttpClient client = HttpClient.newHttpClient();
    private ControlServer server;

    private ControlServer start(LiveRate liveRate) throws Exception {
        server = ControlServer.start(
                new InetSocketAddress("127.0.0.1", 0),
                TOKEN,
                liveRate,
                stops::add,
                () -> Map.of("elapsedSeconds", 1.5));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void bindsWhereToldAndRefusesEveryRequestWithoutTheRightToken() throws Exception {
        start(rate);
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        for (String token : new String[] {null, "wrong", "s3cret-token-and-more", ""}) {
            HttpResponse<String> response = send("POST", "/rate", token, "{\"value\": 500}");
            assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stampede\"");
        }
        assertThat(send("GET", "/status", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/stop", "wrong", null).statusCode()).isEqualTo(401);
        assertThat(rate.rateAt(0)).isEqualTo(100);
        assertThat(stops).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void statusRateMultiplyPauseResumeAndStopWithTheToken() throws Exception {
        start(rate);
        HttpResponse<String> status = send("GET", "/status", "s3cret-token", null);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"mode\":\"profile\"", "\"elapsedSeconds\":1.5");

        assertThat(send("POST", "/rate", "s3cret-token", "{\"value\": 500}").statusCode())
                .isEqualTo(200);
        assertThat(rate.rateAt(1)).isEqualTo(500);
        assertThat(send("POST", "/multiply", "s3cret-token", "1.5").statusCode())
                .isEqualTo(200);
        assertThat(rate.rateAt(1)).isEqualTo(750);
        assertThat(send("POST", "/pause", "s3cret-token", null).statusCode()).isEqualTo(200);
        assertThat(rate.rateAt(1)).isZero();
        assertThat(send("POST", "/resume", "s3cret-token", null).statusCode()).isEqualTo(200);
        assertThat(rate.rateAt(1)).isEqualTo(750);
        assertThat(send("POST", "/stop", "s3cret-token", null).statusCode()).isEqualTo(200);
        assertThat(stops).containsExactly("stopped by ctl 127.0.0.1");
        assertThat(log)
                .containsExactly(
                        "ctl 127.0.0.1: rate 100 -> 500 req/s",
                        "ctl 127.0.0.1: multiply x1.5: 500 -> 750 req/s",
                        "ctl 127.0.0.1: pause 750 -> 0 req/s",
                        "ctl 127.0.0.1: resume 0 -> 750 req/s");
    }

    @Test
    void aboveTheCeilingIsRefusedAndBadInputIsNamed() throws Exception {
        start(rate);
        HttpResponse<String> above = send("POST", "/rate", "s3cret-token", "{\"value\": 5000}");
        assertThat(above.statusCode()).isEqualTo(409);
        assertThat(above.body()).contains("above the ceiling maxRate 1000");
        HttpResponse<String> notANumber = send("POST", "/rate", "s3cret-token", "{\"value\": \"fast\"}");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("give the number as");
        assertThat(send("POST", "/rate", "s3cret-token", "{oops").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/rate", "s3cret-token", null).statusCode()).isEqualTo(405);
        assertThat(send("POST", "/faster", "s3cret-token", null).statusCode()).isEqualTo(404);
        assertThat(rate.rateAt(0)).isEqualTo(100);
        assertThat(log).isEmpty();
    }

    @Test
    void aFlatOutRunHasNoRateToChangeButStops() throws Exception {
        start(null);
        HttpResponse<String> change = send("POST", "/rate", "s3cret-token", "{\"value\": 5}");
        assertThat(change.statusCode()).isEqualTo(409);
        assertThat(change.body()).contains("flat out");
        assertThat(send("GET", "/status", "s3cret-token", null).body()).contains("flat out");
        assertThat(send("POST", "/stop", "s3cret-token", null).statusCode()).isEqualTo(200);
        assertThat(stops).hasSize(1);
        ControlLog.NONE.record("x", "y"); // records nothing, throws nothing
    }

    @Test
    void tokensAreComparedWholeAndNeverPrinted() {
        assertThat(TOKEN.authorizes("Bearer s3cret-token")).isTrue();
        assertThat(TOKEN.authorizes("bearer s3cret-token")).isTrue();
        assertThat(TOKEN.authorizes("Bearer s3cret")).isFalse();
        assertThat(TOKEN.authorizes("Basic s3cret-token")).isFalse();
        assertThat(TOKEN.toString()).doesNotContain("s3cret");
        assertThat(ControlToken.generate(new java.security.SecureRandom()).value())
                .hasSize(43);
    }
}
