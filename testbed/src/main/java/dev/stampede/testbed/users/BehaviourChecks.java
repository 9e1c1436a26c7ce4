package dev.stampede.testbed.users;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@link BehaviourFile} and compiles its tables, failing on the first problem with the file
 * and field path, e.g. {@code users.json: transitions.quote: probabilities sum to 0.95, not 1}.
 */
final class BehaviourChecks {

    private static final double SUM_TOLERANCE = 1e-6;

    private final String source;

    BehaviourChecks(String source) {
        this.source = source;
    }

    void check(BehaviourFile file) {
        require(file.version() != null, "version", "is required (1)");
        require(file.version() == 1, "version", "is " + file.version() + "; this Stampede reads version 1");
        require(file.transitions() != null, "transitions", "is required");
        require(file.thinkTime() != null, "thinkTime", "is required");
        require(file.awayTime() != null, "awayTime", "is required");
        validate(file.awayTime(), "awayTime");
        BehaviourFile.Parameters p = file.parameters();
        require(p != null, "parameters", "is required");
        require(
                p.codeZipfExponent() > 0 && p.codeZipfExponent() <= 5,
                "parameters.codeZipfExponent",
                "must be in (0, 5]");
        range(p.orderLots(), "parameters.orderLots");
        range(p.ipoLots(), "parameters.ipoLots");
        require(p.priceSpread() >= 0 && p.priceSpread() < 0.5, "parameters.priceSpread", "must be in [0, 0.5)");
        BehaviourFile.Timeline t = file.timeline();
        require(t != null, "timeline", "is required");
        fraction(t.preOpenUsers(), "timeline.preOpenUsers");
        fraction(t.marketOpenAt(), "timeline.marketOpenAt");
        fraction(t.marketOpenRamp(), "timeline.marketOpenRamp");
        fraction(t.ipoBurstAt(), "timeline.ipoBurstAt");
        fraction(t.ipoBurstLength(), "timeline.ipoBurstLength");
        require(t.marketOpenAt() + t.marketOpenRamp() <= 1, "timeline", "the market-open ramp ends after the run");
        require(t.ipoBurstAt() + t.ipoBurstLength() <= 1, "timeline", "the IPO burst ends after the run");
    }

    /** Compiles one transition matrix; every action a row leads to must have a row of its own. */
    Map<Action, WeightedChoice<Action>> matrix(Map<String, Map<String, Double>> rows, String name) {
        Map<Action, WeightedChoice<Action>> matrix = new EnumMap<>(Action.class);
        for (Map.Entry<String, Map<String, Double>> row : rows.entrySet()) {
            String field = name + "." + row.getKey();
            Action from = Action.byJsonName(row.getKey());
            require(from != null && from != Action.EXIT, field, "is not an action with a row (" + actionNames() + ")");
            require(row.getValue() != null && !row.getValue().isEmpty(), field, "has no transitions");
            List<Action> targets = new ArrayList<>();
            double[] weights = new double[row.getValue().size()];
            double sum = 0;
            for (Map.Entry<String, Double> cell : row.getValue().entrySet()) {
                Action to = Action.byJsonName(cell.getKey());
                require(to != null, field + "." + cell.getKey(), "is not an action (" + actionNames() + ", exit)");
                require(to != Action.LOGIN, field + ".login", "sessions start with login; nothing leads back to it");
                Double p = cell.getValue();
                require(p != null && p >= 0 && p <= 1, field + "." + cell.getKey(), "must be a probability in [0, 1]");
                weights[targets.size()] = p;
                targets.add(to);
                sum += p;
            }
            require(Math.abs(sum - 1) <= SUM_TOLERANCE, field, "probabilities sum to " + sum + ", not 1");
            matrix.put(from, new WeightedChoice<>(targets, weights));
        }
        if (name.equals("transitions")) {
            require(matrix.containsKey(Action.LOGIN), name + ".login", "is required: every session starts there");
            for (Map.Entry<String, Map<String, Double>> row : rows.entrySet()) {
                for (String target : row.getValue().keySet()) {
                    Action to = Action.byJsonName(target);
                    require(
                            to == Action.EXIT || matrix.containsKey(to),
                            name + "." + row.getKey() + "." + target,
                            "leads to " + target + ", which has no row in transitions");
                }
            }
        }
        return matrix;
    }

    /** orderStatus and cancel need an order from this session: only order, orderStatus or cancel lead to them. */
    void orderActionsFollowOrders(Map<Action, WeightedChoice<Action>> matrix, String name) {
        for (Map.Entry<Action, WeightedChoice<Action>> row : matrix.entrySet()) {
            if (row.getKey() == Action.ORDER || row.getKey().needsOrder()) {
                continue;
            }
            for (Action needsOrder : List.of(Action.ORDER_STATUS, Action.CANCEL)) {
                require(
                        row.getValue().probabilityOf(needsOrder) == 0,
                        name + "." + row.getKey().jsonName() + "." + needsOrder.jsonName(),
                        needsOrder.jsonName() + " needs an order placed earlier; only order, orderStatus and cancel"
                                + " may lead to it");
            }
        }
    }

    Map<Action, ThinkTime> thinkTimes(Map<String, ThinkTime> given) {
        ThinkTime fallback = given.get("default");
        require(fallback != null, "thinkTime.default", "is required");
        validate(fallback, "thinkTime.default");
        Map<Action, ThinkTime> times = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            times.put(action, fallback);
        }
        for (Map.Entry<String, ThinkTime> entry : given.entrySet()) {
            if (entry.getKey().equals("default")) {
                continue;
            }
            Action action = Action.byJsonName(entry.getKey());
            require(
                    action != null && action != Action.EXIT,
                    "thinkTime." + entry.getKey(),
                    "is not an action (" + actionNames() + ") or default");
            times.put(action, validate(entry.getValue(), "thinkTime." + entry.getKey()));
        }
        return times;
    }

    WeightedChoice<String> weights(Map<String, Double> given, String field, List<String> allowed) {
        require(given != null && !given.isEmpty(), field, "is required");
        List<String> names = new ArrayList<>();
        double[] weights = new double[given.size()];
        for (Map.Entry<String, Double> entry : given.entrySet()) {
            require(allowed.contains(entry.getKey()), field + "." + entry.getKey(), "must be one of " + allowed);
            require(
                    entry.getValue() != null && entry.getValue() >= 0,
                    field + "." + entry.getKey(),
                    "must be a weight >= 0");
            weights[names.size()] = entry.getValue();
            names.add(entry.getKey());
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        require(total > 0, field, "needs a positive weight");
        return new WeightedChoice<>(names, weights);
    }

    private ThinkTime validate(ThinkTime time, String field) {
        require(time != null, field, "is required");
        try {
            return time.validate(field);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private void range(BehaviourFile.Range range, String field) {
        require(range != null, field, "is required");
        require(
                range.min() >= 1 && range.max() >= range.min() && range.max() <= 1000,
                field,
                "needs 1 <= min <= max <= 1000");
    }

    private void fraction(double value, String field) {
        require(value >= 0 && value <= 1, field, "must be a fraction of the run in [0, 1], got " + value);
    }

    private void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(source + ": " + field + ": " + problem);
        }
    }

    private static String actionNames() {
        List<String> names = new ArrayList<>();
        for (Action action : Action.values()) {
            if (action != Action.EXIT) {
                names.add(action.jsonName());
            }
        }
        return String.join(", ", names);
    }
}
