package dev.stampede.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("speed", "store", "window", "connectTimeout", "connections");

    @Test
    void suggestsTheClosestKeyWithinAThirdOfItsLength() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.closest("sped", KEYS)).isEqualTo("speed");
        assertThat(Suggestions.closest("stor", KEYS)).isEqualTo("store");
        assertThat(Suggestions.closest("connecttimeout", KEYS)).isEqualTo("connectTimeout");
        assertThat(Suggestions.closest("connection", KEYS)).isEqualTo("connections");
        assertThat(Suggestions.closest("colour", KEYS)).isNull();
        assertThat(Suggestions.closest("x", KEYS)).isNull();
    }
}
