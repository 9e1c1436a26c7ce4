package dev.stampede.model.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionizerTest {

    private final List<String> events = new ArrayList<>();

    private final SessionListener recorder = new SessionListener() {
        @Override
        public void started(long startMicros, int endpoint) {
            events.add("start " + endpoint + " at " + startMicros);
        }

        @Override
        public void transition(int from, int to, long thinkMicros) {
            events.add(from + "->" + to + " after " + thinkMicros);
        }

        @Override
        public void ended(int lastEndpoint, int length, long durationMicros) {
            events.add("end at " + lastEndpoint + " after " + length + " in " + durationMicros);
        }

        @Override
        public void openAtLogEnd(int lastEndpoint, int length, long idleMicros, long durationMicros) {
            events.add("open at " + lastEndpoint + " after " + length + ", idle " + idleMicros);
        }
    };

    @Test
    void cutsSessionsByKeyAndIdleTimeout() {
        Sessionizer sessions = new Sessionizer(SessionOptions.defaults().withTimeoutMicros(100), recorder);

        sessions.add("a", 0, 1);
        sessions.add("b", 10, 2);
        sessions.add("a", 50, 3);
        sessions.add("a", 140, 4); // 90 after its last: same session; b (idle 130) ends first
        sessions.add("b", 300, 5); // a idle for 160 ends; b starts anew
        sessions.finish();

        assertThat(events)
                .containsExactly(
                        "start 1 at 0",
                        "start 2 at 10",
                        "1->3 after 50",
                        "end at 2 after 1 in 0", // b expires before a's next request is seen
                        "3->4 after 90",
                        "end at 4 after 3 in 140",
                        "start 5 at 300",
                        "end at 5 after 1 in 0");
    }

    @Test
    void endsTheStalestWhenTooManyAreOpen() {
        Sessionizer sessions = new Sessionizer(
                SessionOptions.defaults().withTimeoutMicros(1_000_000).withMaxActive(2), recorder);

        sessions.add("a", 0, 1);
        sessions.add("b", 1, 2);
        sessions.add("a", 2, 3);
        sessions.add("c", 3, 4); // b is the least recently seen

        assertThat(events).contains("end at 2 after 1 in 0");
        assertThat(sessions.endedEarly()).isEqualTo(1);
    }

    @Test
    void sessionsIdleLessThanTheTimeoutAtTheLogsEndAreReportedOpen() {
        Sessionizer sessions = new Sessionizer(SessionOptions.defaults().withTimeoutMicros(1_000), recorder);
        sessions.add("quiet", 0, 1);
        sessions.add("busy", 0, 2);
        sessions.add("busy", 900, 3);

        sessions.finish(1_500);

        assertThat(events)
                .containsExactlyInAnyOrder(
                        "start 1 at 0",
                        "start 2 at 0",
                        "2->3 after 900",
                        "end at 1 after 1 in 0",
                        "open at 3 after 2, idle 600");
    }
}
