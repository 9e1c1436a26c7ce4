package dev.stampede.testbed.users;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulated users actually did: requests and statuses by action, the transitions taken, and
 * every deviation from the behaviour (a substituted action, a lost session, a transport failure).
 * Thread-safe; written by every user, read for progress and the final report.
 */
public final class SimulationStats {

    private static final int ACTIONS = Action.values().length;

    private final AtomicLongArray transitions = new AtomicLongArray(ACTIONS * ACTIONS);
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder transportFailures = new LongAdder();
    private final LongAdder substitutions = new LongAdder();
    private final LongAdder sessions = new LongAdder();
    private final LongAdder relogins = new LongAdder();

    void transition(Action from, Action to) {
        transitions.incrementAndGet(from.ordinal() * ACTIONS + to.ordinal());
    }

    void response(Action action, int status) {
        requests.increment();
        statuses.computeIfAbsent(action.jsonName() + " " + status, k -> new LongAdder())
                .increment();
    }

    void transportFailure(Action action) {
        requests.increment();
        transportFailures.increment();
        statuses.computeIfAbsent(action.jsonName() + " failed", k -> new LongAdder())
                .increment();
    }

    void substitution() {
        substitutions.increment();
    }

    void sessionStarted() {
        sessions.increment();
    }

    void relogin() {
        relogins.increment();
    }

    /** Requests answered or failed so far. */
    public long requests() {
        return requests.sum();
    }

    /** Requests that got no HTTP answer (refused, reset, timed out). */
    public long transportFailures() {
        return transportFailures.sum();
    }

    /** Answers with this status class (e.g. 5 for 5xx) so far. */
    public long statusClass(int hundreds) {
        long count = 0;
        for (Map.Entry<String, LongAdder> entry : statuses.entrySet()) {
            String status = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            if (status.length() == 3 && status.charAt(0) == (char) ('0' + hundreds)) {
                count += entry.getValue().sum();
            }
        }
        return count;
    }

    public long sessions() {
        return sessions.sum();
    }

    /** Times an action was replaced because it needed an order the session did not have. */
    public long substitutions() {
        return substitutions.sum();
    }

    /** Times a user had to log in again because its session was refused. */
    public long relogins() {
        return relogins.sum();
    }

    /** Transition counts, from -> to -> count (only pairs seen). */
    public Map<String, Map<String, Long>> transitions() {
        Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
        for (Action from : Action.values()) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (Action to : Action.values()) {
                long count = transitions.get(from.ordinal() * ACTIONS + to.ordinal());
                if (count > 0) {
                    row.put(to.jsonName(), count);
                }
            }
            if (!row.isEmpty()) {
                matrix.put(from.jsonName(), row);
            }
        }
        return matrix;
    }

    /** Answers by {@code "<action> <status>"}, sorted. */
    public Map<String, Long> statuses() {
        Map<String, Long> sorted = new java.util.TreeMap<>();
        statuses.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }

    /** Requests by action. */
    public Map<String, Long> requestsByAction() {
        Map<Action, Long> counts = new EnumMap<>(Action.class);
        statuses.forEach((key, count) -> {
            Action action = Action.byJsonName(key.substring(0, key.indexOf(' ')));
            counts.merge(action, count.sum(), Long::sum);
        });
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((action, count) -> named.put(action.jsonName(), count));
        return named;
    }
}
