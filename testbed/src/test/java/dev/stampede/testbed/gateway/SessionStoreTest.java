package dev.stampede.testbed.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.ManualNanoClock;
import dev.stampede.testbed.data.Account;
import dev.stampede.testbed.gateway.SessionStore.Session;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private static final long TIMEOUT_NS = 30_000_000_000L;

    private final ManualNanoClock clock = new ManualNanoClock();
    private final SessionStore store = new SessionStore(clock, TIMEOUT_NS);
    private final Account alice = new Account("u000001", "pw1", "A100001", 100_000L, Map.of("AAPL", 3L));
    private final Account bob = new Account("u000002", "pw2", "A100002", 200_000L, Map.of());

    @Test
    void opensSessionsWithDistinctThirtyTwoHexDigitTokens() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            Session session = store.open(i % 2 == 0 ? alice : bob);
            assertThat(session.token()).matches("[0-9a-f]{32}");
            tokens.add(session.token());
        }

        assertThat(tokens).hasSize(1_000);
        assertThat(store.size()).isEqualTo(1_000);
    }

    @Test
    void touchReturnsTheSessionOfItsAccount() {
        Session a = store.open(alice);
        Session b = store.open(bob);

        assertThat(store.touch(a.token())).isEqualTo(a);
        assertThat(store.touch(a.token()).account()).isSameAs(alice);
        assertThat(store.touch(b.token()).account()).isSameAs(bob);
    }

    @Test
    void aSessionLivesUpToTheIdleTimeout() {
        Session session = store.open(alice);

        clock.advance(TIMEOUT_NS);

        assertThat(store.touch(session.token())).isEqualTo(session);
    }

    @Test
    void aSessionIdleForLongerThanTheTimeoutExpiresAndIsDropped() {
        Session idle = store.open(alice);
        Session active = store.open(bob);
        clock.advance(TIMEOUT_NS / 2);
        assertThat(store.touch(active.token())).isEqualTo(active);

        clock.advance(TIMEOUT_NS / 2 + 1);

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.touch(idle.token())).isNull();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.touch(idle.token())).isNull();
        assertThat(store.touch(active.token())).isEqualTo(active);
    }

    @Test
    void touchingSlidesTheIdleTimeout() {
        Session session = store.open(alice);

        for (int i = 0; i < 10; i++) {
            clock.advance(TIMEOUT_NS - 1);
            assertThat(store.touch(session.token())).as("touch %d", i).isEqualTo(session);
        }
        // Ten timeouts' worth of time since the session opened, but never idle for one.
        clock.advance(TIMEOUT_NS);
        assertThat(store.touch(session.token())).isEqualTo(session);

        clock.advance(TIMEOUT_NS + 1);
        assertThat(store.touch(session.token())).isNull();
        assertThat(store.size()).isZero();
    }

    @Test
    void closeEndsTheSessionOnce() {
        Session session = store.open(alice);
        Session other = store.open(bob);

        assertThat(store.close(session.token())).isTrue();
        assertThat(store.close(session.token())).isFalse();
        assertThat(store.touch(session.token())).isNull();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.touch(other.token())).isEqualTo(other);
    }

    @Test
    void anUnknownOrMissingTokenHasNoSession() {
        store.open(alice);

        assertThat(store.touch(null)).isNull();
        assertThat(store.touch("")).isNull();
        assertThat(store.touch("0123456789abcdef0123456789abcdef")).isNull();
        assertThat(store.close(null)).isFalse();
        assertThat(store.close("0123456789abcdef0123456789abcdef")).isFalse();
        assertThat(store.size()).isEqualTo(1);
    }
}
