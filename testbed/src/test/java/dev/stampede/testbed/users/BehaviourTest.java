package dev.stampede.testbed.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampede.testbed.data.Instruments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BehaviourTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DRAWS = 200_000;

    private final Behaviour behaviour = Behaviour.defaults();

    @Test
    void drawsFollowTheTransitionMatrix() {
        SplittableRandom random = new SplittableRandom(1);
        for (Action from : new Action[] {Action.LOGIN, Action.QUOTE, Action.ORDER}) {
            Map<Action, Integer> counts = new EnumMap<>(Action.class);
            for (int i = 0; i < DRAWS; i++) {
                counts.merge(behaviour.next(from, false, random), 1, Integer::sum);
            }
            for (Action to : Action.values()) {
                assertThat(counts.getOrDefault(to, 0) / (double) DRAWS)
                        .as("%s -> %s", from, to)
                        .isCloseTo(behaviour.probability(from, to, false), org.assertj.core.data.Offset.offset(0.005));
            }
        }
        assertThat(behaviour.probability(Action.QUOTE, Action.EXIT, false)).isEqualTo(0.20, within());
    }

    @Test
    void ipoBurstRowsReplaceOnlyTheirOwnRows() {
        assertThat(behaviour.probability(Action.LOGIN, Action.IPO, true)).isEqualTo(0.70, within());
        assertThat(behaviour.probability(Action.LOGIN, Action.IPO, false)).isZero();
        assertThat(behaviour.probability(Action.KLINE, Action.QUOTE, true)).isEqualTo(0.40, within());
    }

    @Test
    void thinkTimesHaveTheirConfiguredMeans() {
        SplittableRandom random = new SplittableRandom(2);
        assertThat(mean(() -> behaviour.thinkSeconds(Action.QUOTE, random))).isCloseTo(2.5, pct(2));
        assertThat(mean(() -> behaviour.thinkSeconds(Action.KLINE, random))).isCloseTo(4.0, pct(2));
        assertThat(mean(() -> behaviour.thinkSeconds(Action.BALANCE, random)))
                .as("default")
                .isCloseTo(2.0, pct(3));
        assertThat(mean(() -> behaviour.awaySeconds(random))).isCloseTo(8.0, pct(2));
    }

    @Test
    void popularCodesComeFirst() {
        SplittableRandom random = new SplittableRandom(3);
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            counts.merge(behaviour.code(random).code(), 1, Integer::sum);
        }
        String hottest = Instruments.tradable().get(0).code();
        String second = Instruments.tradable().get(1).code();
        // Zipf s=1.1: the first is chosen 2^1.1 = 2.14 times as often as the second.
        assertThat(counts.get(hottest) / (double) counts.get(second)).isCloseTo(Math.pow(2, 1.1), pct(3));
        assertThat(counts).doesNotContainKey(Instruments.openIpo().code());
    }

    @Test
    void parametersStayInTheirRanges() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 10_000; i++) {
            assertThat(behaviour.orderLots(random)).isBetween(1, 10);
            assertThat(behaviour.ipoLots(random)).isBetween(1, 4);
            assertThat(behaviour.klinePeriod(random)).isIn("1m", "5m", "1d");
            assertThat(behaviour.limitPriceCents(100.00, random)).isBetween(9_900L, 10_100L);
        }
    }

    @Test
    void refusesRowsThatDoNotSumToOne() {
        assertRefused(
                b -> ((ObjectNode) b.get("transitions").get("quote")).put("exit", 0.15),
                "transitions.quote: probabilities sum to 0.95");
    }

    @Test
    void refusesUnknownActionsAndTransitionsBackToLogin() {
        assertRefused(
                b -> ((ObjectNode) b.get("transitions"))
                        .set("trade", JSON.createObjectNode().put("exit", 1.0)),
                "transitions.trade: is not an action");
        assertRefused(
                b -> ((ObjectNode) b.get("transitions").get("cancel")).remove("exit"),
                "transitions.cancel: probabilities sum to 0.7");
        assertRefused(
                b -> ((ObjectNode) b.get("transitions"))
                        .set("cancel", JSON.createObjectNode().put("login", 0.5).put("exit", 0.5)),
                "transitions.cancel.login: sessions start with login");
    }

    @Test
    void refusesOrderActionsThatCouldHaveNoOrder() {
        assertRefused(
                b -> ((ObjectNode) b.get("transitions"))
                        .set("quote", JSON.createObjectNode().put("cancel", 0.5).put("exit", 0.5)),
                "transitions.quote.cancel: cancel needs an order placed earlier");
    }

    @Test
    void refusesMissingDefaultsBadDistributionsAndUnknownVersions() {
        assertRefused(b -> ((ObjectNode) b.get("thinkTime")).remove("default"), "thinkTime.default: is required");
        assertRefused(
                b -> ((ObjectNode) b.get("thinkTime").get("kline")).put("shape", -1),
                "thinkTime.kline.shape must be in (0, 1000]");
        assertRefused(
                b -> ((ObjectNode) b.get("thinkTime").get("quote")).put("type", "weibull"),
                "thinkTime.quote.type 'weibull' is not one of");
        assertRefused(b -> b.put("version", 2), "version: is 2; this Stampede reads version 1");
        assertRefused(
                b -> ((ObjectNode) b.get("timeline")).put("ipoBurstAt", 0.95),
                "timeline: the IPO burst ends after the run");
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        assertThatThrownBy(() -> Behaviour.parse(
                        "{\n  \"version\": 1,\n  \"transitions\": {,\n}".getBytes(StandardCharsets.UTF_8),
                        "users.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("users.json:3:");
        assertThatThrownBy(() -> Behaviour.parse("{\"versoin\": 1}".getBytes(StandardCharsets.UTF_8), "users.json"))
                .hasMessageContaining("users.json:1:")
                .hasMessageContaining("versoin");
    }

    @Test
    void roundTripsThroughJson() {
        Behaviour again = Behaviour.parse(behaviour.toJson().getBytes(StandardCharsets.UTF_8), "again.json");

        assertThat(again.file()).isEqualTo(behaviour.file());
    }

    private static void assertRefused(Consumer<ObjectNode> edit, String message) {
        ObjectNode file;
        try {
            file = (ObjectNode) JSON.readTree(Behaviour.defaults().toJson());
            edit.accept(file);
            byte[] bytes = JSON.writeValueAsBytes(file);
            assertThatThrownBy(() -> Behaviour.parse(bytes, "users.json"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("users.json: ")
                    .hasMessageContaining(message);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double mean(java.util.function.DoubleSupplier draw) {
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            sum += draw.getAsDouble();
        }
        return sum / DRAWS;
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private static org.assertj.core.data.Percentage pct(double percent) {
        return org.assertj.core.data.Percentage.withPercentage(percent);
    }
}
