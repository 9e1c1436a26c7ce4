package dev.stampede.model.endpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * An endpoint template: a method, a path template with slots, and the query parameter names.
 *
 * <p>The {@link #key()} identifies it: {@code GET /api/quote/{code}}, {@code GET /api/search?page&q}
 * (the query's parameter names, decoded and sorted, repeated names repeated), or {@code GET /files?*}
 * when the query is kept whole. Slot values are never part of the key. Two endpoints are equal when
 * their keys are, since the key determines everything else. Immutable.
 */
public final class Endpoint {

    private final String key;
    private final String method;
    private final String pathTemplate;
    private final List<String> queryNames;
    private final boolean queryKeptWhole;
    private final List<Slot> slots;

    private Endpoint(
            String method, String pathTemplate, List<String> pathSlots, List<String> queryNames, boolean whole) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.queryNames = List.copyOf(queryNames);
        this.queryKeptWhole = whole;
        List<Slot> all = new ArrayList<>(pathSlots.size() + queryNames.size() + 1);
        List<String> taken = new ArrayList<>(pathSlots);
        for (String name : pathSlots) {
            all.add(new Slot(name, Slot.Kind.PATH, null));
        }
        if (whole) {
            all.add(new Slot(SlotNames.unique(taken, "query"), Slot.Kind.QUERY_STRING, null));
        }
        for (String name : queryNames) {
            String slotName = SlotNames.unique(taken, name);
            taken.add(slotName);
            all.add(new Slot(slotName, Slot.Kind.QUERY, name));
        }
        this.slots = List.copyOf(all);
        StringBuilder text = new StringBuilder(method).append(' ').append(pathTemplate);
        if (whole) {
            text.append("?*");
        } else if (!queryNames.isEmpty()) {
            text.append('?').append(String.join("&", queryNames));
        }
        this.key = text.toString();
    }

    /** An endpoint whose query (if any) has the parameters {@code queryNames} (decoded, sorted). */
    static Endpoint of(String method, String pathTemplate, List<String> pathSlots, List<String> queryNames) {
        return new Endpoint(method, pathTemplate, pathSlots, queryNames, false);
    }

    /** An endpoint whose query is one slot holding the raw query string. */
    static Endpoint withWholeQuery(String method, String pathTemplate, List<String> pathSlots) {
        return new Endpoint(method, pathTemplate, pathSlots, List.of(), true);
    }

    /** {@code METHOD PATH_TEMPLATE[?NAMES|?*]}, e.g. {@code GET /api/quote/{code}?fields}. */
    public String key() {
        return key;
    }

    public String method() {
        return method;
    }

    /**
     * The path with a {@code {name}} per path slot, e.g. {@code /api/quote/{code}}. Literal parts are as
     * logged (percent-encoding kept), so the template is a request path once the slots are filled.
     */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The query's parameter names, decoded and sorted; empty when the query has none or is kept whole. */
    public List<String> queryNames() {
        return queryNames;
    }

    /** Whether the query is kept whole as one {@link Slot.Kind#QUERY_STRING} slot (key ends {@code ?*}). */
    public boolean queryKeptWhole() {
        return queryKeptWhole;
    }

    /** Path slots in path order, then the query slot(s) in {@link #queryNames()} order. */
    public List<Slot> slots() {
        return slots;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoint endpoint && endpoint.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
