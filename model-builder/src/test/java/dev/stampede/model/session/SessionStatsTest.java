package dev.stampede.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampede.model.SessionModel;
import dev.stampede.model.Transition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionStatsTest {

    private record Request(String session, long micros, int endpoint) {}

    /**
     * Sessions of one page, repeated with probability 0.9 after an exponential 5 s think time, else left:
     * a log of 100 s with a one-hour session timeout ends no session by timeout and cuts many, yet the
     * exit probability comes out right from how long each session had been idle when the log ended
     * (taking every open session as an exit gives about 0.2, taking none 0).
     */
    @Test
    void exitProbabilityIsRecoveredWhenNoSessionEndsByTimeout() {
        SplittableRandom random = new SplittableRandom(5);
        List<Request> requests = new ArrayList<>();
        long end = 100_000_000L;
        for (int s = 0; s < 4000; s++) {
            long at = (long) (random.nextDouble() * end);
            do {
                requests.add(new Request("s" + s, at, 0));
                at += (long) (-Math.log(1 - random.nextDouble()) * 5_000_000);
            } while (random.nextDouble() < 0.9 && at < end);
        }
        requests.sort(Comparator.comparingLong(Request::micros));
        SessionStats stats = new SessionStats(1);
        Sessionizer sessionizer = new Sessionizer(SessionOptions.defaults().withTimeoutMicros(3_600_000_000L), stats);
        for (Request request : requests) {
            sessionizer.add(request.session(), request.micros(), request.endpoint());
        }
        sessionizer.finish(requests.get(requests.size() - 1).micros());

        SessionModel model = stats.model(List.of("page"), "test", 3600, 0, 0);

        assertThat(model.openAtLogEnd()).isEqualTo(4000);
        double exit = model.transitions().stream()
                .filter(t -> t.to().equals(Transition.EXIT))
                .mapToDouble(Transition::probability)
                .sum();
        assertThat(exit).isCloseTo(0.1, within(0.01));
        assertThat(model.transitions()).anyMatch(t -> t.to().equals("page") && t.thinkSeconds() != null);
    }
}
