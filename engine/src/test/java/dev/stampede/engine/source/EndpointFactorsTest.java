package dev.stampede.engine.source;

import static dev.stampede.engine.source.SourceDrive.SECOND;
import static dev.stampede.engine.source.TestModels.KLINE;
import static dev.stampede.engine.source.TestModels.QUOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampede.engine.source.SourceDrive.Sent;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code load.endpoints} on a model: one endpoint's requests multiplied (or thinned) over time, the rest alike. */
class EndpointFactorsTest {

    private static List<Sent> run(EndpointFactors factors) {
        ModelSource source = new ModelSource(
                TestModels.twoPages(),
                null,
                ModelSourceOptions.of(400).withSeed(3).withDurationNanos(120 * SECOND),
                TestModels.shaper());
        source.endpointFactors(factors);
        return new SourceDrive(source).all();
    }

    /** Endpoint indexes, as the model names them: quote first, kline second. */
    private static final int QUOTE_INDEX = 0;

    private static final int KLINE_INDEX = 1;

    private static long count(List<Sent> sent, String endpoint, long fromSecond, long toSecond) {
        int index = endpoint.equals(QUOTE) ? QUOTE_INDEX : KLINE_INDEX;
        return sent.stream()
                .filter(s -> s.endpoint() == index)
                .filter(s -> s.at() >= fromSecond * SECOND && s.at() < toSecond * SECOND)
                .count();
    }

    private static EndpointFactors klineTimes(DoubleUnaryOperator factor) {
        return new EndpointFactors(List.of(Pattern.compile("^GET /api/kline")), List.of(factor));
    }

    @Test
    void aFactorMultipliesOneEndpointDuringItsWindowAndLeavesTheOthersAlone() {
        List<Sent> plain = run(EndpointFactors.NONE);
        // x10 from 60 s to 90 s, x1 before and after
        List<Sent> spiked = run(klineTimes(t -> t >= 60 && t < 90 ? 10 : 1));

        double before = count(spiked, KLINE, 30, 60) / (double) count(plain, KLINE, 30, 60);
        double during = count(spiked, KLINE, 60, 90) / (double) count(plain, KLINE, 60, 90);
        assertThat(before).isCloseTo(1.0, within(0.2));
        assertThat(during).isCloseTo(10.0, within(1.5));
        // The quote traffic is the same sessions' walk: about the same count.
        assertThat((double) count(spiked, QUOTE, 30, 90) / count(plain, QUOTE, 30, 90))
                .isCloseTo(1.0, within(0.1));
        // Copies go at the time of the request they copy: times never decrease.
        for (int i = 1; i < spiked.size(); i++) {
            assertThat(spiked.get(i).at())
                    .isGreaterThanOrEqualTo(spiked.get(i - 1).at());
        }
    }

    @Test
    void aFactorBelowOneThinsAndZeroLeavesTheEndpointOutWhileSessionsWalkOn() {
        List<Sent> plain = run(EndpointFactors.NONE);
        List<Sent> half = run(klineTimes(t -> 0.5));
        List<Sent> none = run(klineTimes(t -> 0));

        assertThat((double) count(half, KLINE, 30, 120) / count(plain, KLINE, 30, 120))
                .isCloseTo(0.5, within(0.08));
        assertThat(count(none, KLINE, 0, 120)).isZero();
        assertThat((double) count(none, QUOTE, 30, 120) / count(plain, QUOTE, 30, 120))
                .isCloseTo(1.0, within(0.1));
    }

    @Test
    void copiesAreTheWholePartAndOneMoreWithTheFractionsProbability() {
        assertThat(EndpointFactors.copies(3, 0.99)).isEqualTo(3);
        assertThat(EndpointFactors.copies(2.25, 0.2)).isEqualTo(3);
        assertThat(EndpointFactors.copies(2.25, 0.3)).isEqualTo(2);
        assertThat(EndpointFactors.copies(0.5, 0.49)).isEqualTo(1);
        assertThat(EndpointFactors.copies(0.5, 0.5)).isZero();
        assertThat(EndpointFactors.copies(0, 0)).isZero();
        assertThat(EndpointFactors.copies(Double.NaN, 0)).isZero();
    }
}
