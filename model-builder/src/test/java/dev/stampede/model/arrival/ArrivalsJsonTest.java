package dev.stampede.model.arrival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void roundTripsAsAPlainObject() throws Exception {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults().withPeakWindowMinutes(1));
        for (int s = 0; s < 200; s++) {
            for (int r = 0; r <= s % 7; r++) {
                analyzer.add((1_772_443_800L + s) * 1_000_000L + r * 123_457L);
            }
            if (s % 5 == 0) {
                analyzer.addSessionStart((1_772_443_800L + s) * 1_000_000L);
            }
        }
        Arrivals arrivals = analyzer.finish();

        String json = JSON.writeValueAsString(arrivals);
        JsonNode tree = JSON.readTree(json);

        assertThat(JSON.readValue(json, Arrivals.class)).isEqualTo(arrivals);
        List<String> fields = new ArrayList<>();
        tree.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "firstSecond",
                        "perSecond",
                        "sessionStartsPerSecond",
                        "meanPerSecond",
                        "maxPerSecond",
                        "peak",
                        "topPeaks",
                        "dispersionIndex",
                        "peakDispersionIndex",
                        "subSecondShare",
                        "records",
                        "droppedRecords");
        assertThat(tree.get("firstSecond").asLong()).isEqualTo(1_772_443_800L);
        assertThat(tree.get("perSecond").isArray()).isTrue();
        assertThat(tree.get("perSecond")).hasSize(200);
        List<String> peakFields = new ArrayList<>();
        tree.get("peak").fieldNames().forEachRemaining(peakFields::add);
        assertThat(peakFields)
                .containsExactlyInAnyOrder(
                        "startSecond", "endSecondExclusive", "requests", "meanPerSecond", "maxPerSecond");
        assertThat(tree.get("topPeaks")).hasSize(3);
    }

    @Test
    void aOneSecondLogRoundTripsItsUndefinedDispersion() throws Exception {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults());
        analyzer.add(5_000_000);
        Arrivals arrivals = analyzer.finish();
        assertThat(arrivals.dispersionIndex()).isNaN();

        Arrivals back = JSON.readValue(JSON.writeValueAsString(arrivals), Arrivals.class);

        assertThat(back).isEqualTo(arrivals);
        assertThat(back.dispersionIndex()).isNaN();
    }
}
