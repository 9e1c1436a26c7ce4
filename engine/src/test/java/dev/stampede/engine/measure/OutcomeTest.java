package dev.stampede.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void statusClassesMapToOutcomes() {
        assertThat(Outcome.ofHttpStatus(200)).isEqualTo(Outcome.OK);
        assertThat(Outcome.ofHttpStatus(204)).isEqualTo(Outcome.OK);
        assertThat(Outcome.ofHttpStatus(299)).isEqualTo(Outcome.OK);
        assertThat(Outcome.ofHttpStatus(404)).isEqualTo(Outcome.HTTP_4XX);
        assertThat(Outcome.ofHttpStatus(429)).isEqualTo(Outcome.HTTP_4XX);
        assertThat(Outcome.ofHttpStatus(500)).isEqualTo(Outcome.HTTP_5XX);
        assertThat(Outcome.ofHttpStatus(599)).isEqualTo(Outcome.HTTP_5XX);
        assertThat(Outcome.ofHttpStatus(101)).isEqualTo(Outcome.HTTP_OTHER);
        assertThat(Outcome.ofHttpStatus(302)).isEqualTo(Outcome.HTTP_OTHER);
        assertThat(Outcome.ofHttpStatus(600)).isEqualTo(Outcome.HTTP_OTHER);
        assertThat(Outcome.ofHttpStatus(0)).isEqualTo(Outcome.HTTP_OTHER);
    }

    @Test
    void codesAreStableDistinctLowerCaseAndRoundTrip() {
        Set<String> codes = new HashSet<>();
        for (Outcome outcome : Outcome.ALL) {
            assertThat(outcome.code()).isEqualTo(outcome.code().toLowerCase(Locale.ROOT));
            assertThat(outcome.code()).matches("[a-z0-9_]+");
            assertThat(codes.add(outcome.code())).as("unique %s", outcome).isTrue();
            assertThat(Outcome.ofCode(outcome.code())).contains(outcome);
        }
        // The file contract: these exact strings.
        assertThat(Outcome.UNSENT_INFLIGHT_CAP.code()).isEqualTo("unsent_inflight_cap");
        assertThat(Outcome.TRANSPORT_RESET.code()).isEqualTo("transport_reset");
        assertThat(Outcome.ofCode("no_such_outcome")).isEmpty();
    }

    @Test
    void onlyUnsentOutcomesAreNotAttempted() {
        for (Outcome outcome : Outcome.ALL) {
            assertThat(outcome.attempted())
                    .as(outcome.name())
                    .isEqualTo(!outcome.name().startsWith("UNSENT_"));
        }
    }
}
