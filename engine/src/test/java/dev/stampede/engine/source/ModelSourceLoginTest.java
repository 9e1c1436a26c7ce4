package dev.stampede.engine.source;

import static dev.stampede.engine.source.SourceDrive.SECOND;
import static dev.stampede.engine.source.TestModels.LOGIN;
import static dev.stampede.engine.source.TestModels.ORDER;
import static dev.stampede.engine.source.TestModels.QUOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stampede.engine.source.SourceDrive.Sent;
import dev.stampede.model.BehaviourModel;
import dev.stampede.model.pool.TestAccounts;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions of a model with a login: they log in first, as test accounts, and reuse the session cookie. */
class ModelSourceLoginTest {

    @TempDir
    Path dir;

    private TestAccounts accounts;

    @BeforeEach
    void accounts() throws Exception {
        accounts = TestModels.accounts(dir);
    }

    private ModelSource source(BehaviourModel model, ModelSourceOptions options) {
        return new ModelSource(model, null, options.withTestAccounts(accounts), TestModels.shaper());
    }

    private static HttpHeaders setCookie(String... values) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (String value : values) {
            headers.add("Set-Cookie", value);
        }
        return headers;
    }

    private static String text(ModelSource source, ModelSlot slot, long n) {
        return new String(source.build(slot, n).encoded(), StandardCharsets.UTF_8);
    }

    @Test
    void everySessionLogsInFirstAsItsTestAccountAndSendsTheCookieAfter() {
        ModelSource source =
                source(TestModels.withLogin(), ModelSourceOptions.of(20).withDurationNanos(300 * SECOND));
        SourceDrive drive = new SourceDrive(source);
        Set<Long> seen = new HashSet<>();
        Map<String, Integer> orders = new HashMap<>();
        long n = 0;
        for (Sent sent = drive.next(); sent != null; sent = drive.next(), n++) {
            String request = text(source, drive.slot, n);
            String[] account = List.of(
                            new String[] {"A001", "alice", "pw-a"},
                            new String[] {"A002", "bob", "pw-b"},
                            new String[] {"A003", "carol", "pw-c"})
                    .get((int) (sent.session() % 3));
            if (seen.add(sent.session())) {
                assertThat(sent.login())
                        .as("the first request of session " + sent.session())
                        .isTrue();
            }
            if (sent.login()) {
                assertThat(request)
                        .startsWith("POST /api/login HTTP/1.1\r\n")
                        .contains("Content-Type: application/json\r\n")
                        .doesNotContain("Cookie:")
                        .endsWith("\r\n\r\n{\"user\":\"" + account[1] + "\",\"password\":\"" + account[2] + "\"}");
                drive.slot.session.onResponse(
                        200, setCookie("theme=dark; Path=/", "SESSION=s" + sent.session() + "; Path=/; HttpOnly"));
            } else {
                assertThat(request).contains("\r\nCookie: SESSION=s" + sent.session() + "\r\n");
            }
            if (sent.endpoint() == 2) {
                String body = request.substring(request.indexOf("\r\n\r\n") + 4);
                assertThat(body)
                        .matches("\\{\"code\":\"600519\",\"qty\":(100|300),\"account\":\"" + account[0] + "\"}");
                orders.merge(body.contains("\"qty\":100") ? "100" : "300", 1, Integer::sum);
            }
        }

        assertThat(source.endpointNames()).containsExactly(LOGIN, QUOTE, ORDER);
        assertThat(seen).hasSizeGreaterThan(1_000);
        assertThat(source.requestsWithoutCookie()).isZero();
        assertThat(orders.get("100") / (double) (orders.get("100") + orders.get("300")))
                .isBetween(0.78, 0.88); // kept values 100 and 300 weigh 5 : 1
        // 80 % start at the login: 2.8 requests a session from it; the other 20 % get a login in front.
        assertThat(source.requestsPerSession()).isCloseTo(1 + 1 / (1 - 0.5 * 0.3) * 1.5, within(1e-9));
        assertThat(source.report().get(2))
                .startsWith("model logins with POST /api/login: " + seen.size() + " sent, 0 failed (not 2xx), 0 set no"
                        + " SESSION cookie, 0 unanswered");
    }

    /** One session at a time: uniform arrivals every 10 s, every session starting at the login. */
    private ModelSource oneAtATime(long loginWaitNanos) {
        BehaviourModel model = TestModels.model(
                TestModels.withLogin().endpoints(),
                TestModels.sessions(
                        "cookie:SESSION",
                        Map.of(LOGIN, 1.0),
                        TestModels.withLogin().sessions().transitions()));
        double perSession = source(model, ModelSourceOptions.of(1)).requestsPerSession();
        return source(
                model,
                ModelSourceOptions.of(perSession / 10)
                        .withArrivals(ModelSourceOptions.Arrivals.UNIFORM)
                        .withLoginWaitNanos(loginWaitNanos)
                        .withSeed(11));
    }

    @Test
    void theRequestAfterTheLoginWaitsForItsAnswer() {
        SourceDrive answered = new SourceDrive(oneAtATime(3 * SECOND));
        Sent login = answered.next();
        answered.slot.session.onResponse(200, setCookie("SESSION=abc"));
        long due = answered.next().at();
        assertThat(due).isBetween(1L, 10 * SECOND - 3 * SECOND); // the seed's think time after the login

        // Never answered: it waits the login wait, then goes without the cookie.
        ModelSource unanswered = oneAtATime(3 * SECOND);
        SourceDrive drive = new SourceDrive(unanswered);
        assertThat(drive.next()).isEqualTo(login);
        Sent late = drive.next();
        assertThat(late.at()).isEqualTo(due + 3 * SECOND);
        assertThat(text(unanswered, drive.slot, 1)).doesNotContain("Cookie:");
        assertThat(unanswered.requestsWithoutCookie()).isEqualTo(1);
        assertThat(unanswered.report().get(2))
                .contains("1 unanswered after 3.0 s")
                .endsWith("1 requests sent without a session cookie");

        // Answered while it waited: it goes at the next request's time, with the cookie.
        ModelSource slow = oneAtATime(30 * SECOND);
        SourceDrive wait = new SourceDrive(slow);
        assertThat(wait.next().login()).isTrue();
        ModelSession first = wait.slot.session;
        Sent second = wait.next();
        assertThat(second.session()).isEqualTo(1); // session 0's request waits; session 1 logs in at 10 s
        assertThat(second.at()).isEqualTo(10 * SECOND);
        first.onResponse(200, setCookie("SESSION=late"));
        Sent woken = wait.next();
        assertThat(woken.session()).isZero();
        assertThat(woken.at()).isEqualTo(10 * SECOND); // not before the last time released: times never go back
        assertThat(text(slow, wait.slot, 2)).contains("\r\nCookie: SESSION=late\r\n");
        assertThat(slow.requestsWithoutCookie()).isZero();
    }

    @Test
    void aFailedLoginIsCountedAndTheSessionGoesOnWithoutACookie() {
        ModelSource source = oneAtATime(3 * SECOND);
        SourceDrive drive = new SourceDrive(source);
        drive.next();
        drive.slot.session.onResponse(401, setCookie("SESSION=nope"));
        drive.next();

        assertThat(text(source, drive.slot, 1)).doesNotContain("Cookie:");
        assertThat(source.report().get(2)).contains("1 sent, 1 failed (not 2xx)");
    }

    @Test
    void aModelWithALoginNeedsTestAccountsUnlessLoginsAreOff() {
        assertThatThrownBy(() ->
                        new ModelSource(TestModels.withLogin(), null, ModelSourceOptions.of(10), TestModels.shaper()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POST /api/login")
                .hasMessageContaining("testAccounts");

        ModelSource off = new ModelSource(
                TestModels.withLogin(),
                null,
                ModelSourceOptions.of(10).withLoginEndpoint(ModelSourceOptions.NO_LOGIN),
                TestModels.shaper());
        SourceDrive drive = new SourceDrive(off);
        for (int i = 0; i < 100; i++) {
            drive.next();
            assertThat(text(off, drive.slot, i)).doesNotContain("Cookie:");
        }
        assertThat(off.report()).hasSize(2);
    }

    @Test
    void aLoginNoTestAccountCanFillIsRefused() {
        BehaviourModel model = TestModels.model(
                List.of(TestModels.endpoint("POST /auth/signin", "/auth/signin", null), TestModels.quote()),
                TestModels.sessions("cookie:SESSION", Map.of(QUOTE, 1.0), List.of()));

        assertThatThrownBy(() -> source(model, ModelSourceOptions.of(10)))
                .hasMessageContaining("POST /auth/signin")
                .hasMessageContaining("no slot a test account can fill");
    }
}
