package dev.stampede.testbed.users;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stampede.testbed.data.Instrument;
import dev.stampede.testbed.data.Instruments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A checked, ready-to-sample behaviour: the transition matrices, think times and parameter
 * distributions of {@link BehaviourFile}. Immutable; every method that draws takes the caller's random
 * stream, so a user's path depends only on its seed.
 */
public final class Behaviour {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final String DEFAULT_RESOURCE = "/dev/stampede/testbed/users/default-behaviour.json";

    private final BehaviourFile file;
    private final Map<Action, WeightedChoice<Action>> transitions;
    private final Map<Action, WeightedChoice<Action>> burstTransitions;
    private final Map<Action, ThinkTime> thinkTimes;
    private final WeightedChoice<Instrument> codes;
    private final WeightedChoice<String> klinePeriods;
    private final WeightedChoice<String> orderSides;

    private Behaviour(BehaviourFile file, String source) {
        this.file = file;
        BehaviourChecks checks = new BehaviourChecks(source);
        checks.check(file);
        this.transitions = checks.matrix(file.transitions(), "transitions");
        this.burstTransitions = new EnumMap<>(transitions);
        if (file.ipoBurstTransitions() != null) {
            burstTransitions.putAll(checks.matrix(file.ipoBurstTransitions(), "ipoBurstTransitions"));
        }
        checks.orderActionsFollowOrders(transitions, "transitions");
        checks.orderActionsFollowOrders(burstTransitions, "ipoBurstTransitions");
        this.thinkTimes = checks.thinkTimes(file.thinkTime());
        List<Instrument> tradable = Instruments.tradable();
        double[] weights = new double[tradable.size()];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = 1 / Math.pow(k + 1, file.parameters().codeZipfExponent());
        }
        this.codes = new WeightedChoice<>(tradable, weights);
        this.klinePeriods =
                checks.weights(file.parameters().klinePeriods(), "parameters.klinePeriods", List.of("1m", "5m", "1d"));
        this.orderSides =
                checks.weights(file.parameters().orderSides(), "parameters.orderSides", List.of("buy", "sell"));
    }

    /** The built-in behaviour ({@code default-behaviour.json}). */
    public static Behaviour defaults() {
        try (InputStream in = Behaviour.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(in.readAllBytes(), "default-behaviour.json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in behaviour", e);
        }
    }

    /**
     * Reads and checks a behaviour file.
     *
     * @throws IllegalArgumentException naming the file, the line and column or field, and the problem
     */
    public static Behaviour load(Path path) {
        try {
            return parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read behaviour file " + path, e);
        }
    }

    /** Reads and checks a behaviour from JSON bytes; {@code source} names it in errors. */
    public static Behaviour parse(byte[] json, String source) {
        BehaviourFile file;
        try {
            file = JSON.readValue(json, BehaviourFile.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new IllegalArgumentException(source + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Behaviour(file, source);
    }

    /** The file this behaviour came from, for writing it out as ground truth. */
    public BehaviourFile file() {
        return file;
    }

    /** The behaviour as indented JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The action after {@code current}; {@code burst} selects the IPO-burst rows where they exist. */
    public Action next(Action current, boolean burst, SplittableRandom random) {
        return (burst ? burstTransitions : transitions).get(current).pick(random);
    }

    /** The probability of {@code to} after {@code from} (0 when the row does not name it). */
    public double probability(Action from, Action to, boolean burst) {
        return (burst ? burstTransitions : transitions).get(from).probabilityOf(to);
    }

    /** Seconds of thinking after {@code action} before the next request. */
    public double thinkSeconds(Action action, SplittableRandom random) {
        return thinkTimes.get(action).sampleSeconds(random);
    }

    /** Seconds away after exiting, before logging in again. */
    public double awaySeconds(SplittableRandom random) {
        return file.awayTime().sampleSeconds(random);
    }

    /** A stock code, by Zipf popularity. */
    public Instrument code(SplittableRandom random) {
        return codes.pick(random);
    }

    public String klinePeriod(SplittableRandom random) {
        return klinePeriods.pick(random);
    }

    public String orderSide(SplittableRandom random) {
        return orderSides.pick(random);
    }

    /** Order size in lots. */
    public int orderLots(SplittableRandom random) {
        return between(file.parameters().orderLots(), random);
    }

    /** IPO subscription size in lots. */
    public int ipoLots(SplittableRandom random) {
        return between(file.parameters().ipoLots(), random);
    }

    /** A limit price near {@code reference}, in cents. */
    public long limitPriceCents(double reference, SplittableRandom random) {
        double spread = file.parameters().priceSpread();
        return Math.max(1, Math.round(reference * (1 + spread * (2 * random.nextDouble() - 1)) * 100));
    }

    public BehaviourFile.Timeline timeline() {
        return file.timeline();
    }

    private static int between(BehaviourFile.Range range, SplittableRandom random) {
        return range.min() + random.nextInt(range.max() - range.min() + 1);
    }
}
