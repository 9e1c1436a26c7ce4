package dev.stampede.engine.source;

import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.http.ResponseListener;
import dev.stampede.model.EndpointModel;
import dev.stampede.model.SlotModel;
import dev.stampede.model.pool.TestAccount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * One model endpoint made ready to send: its path template, query parameters and JSON body template
 * cut once into literal parts and slot indices, and a {@link SlotFill} per slot. A request is two
 * steps: {@link #draw} picks the slot values (publishing thread, the session's random stream, nothing
 * allocated for kept pool values) and {@link #request} writes them into the request (sender thread):
 * path slots and query values percent-escaped where they must be ({@link RequestText}), query parameters
 * in the model's order (named by the endpoint's query names, which repeat where the request repeated one), a whole-query slot after {@code ?}, body string slots JSON-escaped between their
 * quotes, other body slots written bare when they are JSON numbers or literals and quoted otherwise.
 * A body is sent as {@code application/json}. Immutable.
 */
final class EndpointPlan {

    final String id;
    final String method;
    private final SlotFill[] fills;
    private final TextTemplate path;
    private final String[] queryPrefixes;
    private final int[] querySlots;
    private final int wholeQuerySlot;
    private final TextTemplate body;

    EndpointPlan(EndpointModel model, Function<SlotModel, SlotFill> fillOf) {
        this.id = model.id();
        this.method = model.method();
        List<SlotModel> slots = model.slots() == null ? List.of() : model.slots();
        this.fills = new SlotFill[slots.size()];
        for (int i = 0; i < fills.length; i++) {
            fills[i] = fillOf.apply(slots.get(i));
        }
        this.path = TextTemplate.parse(model.pathTemplate(), "{", "}", name -> indexOf(slots, name, "path"));
        for (int i = 0; i < path.literals.length; i++) {
            path.literals[i] = RequestText.path(path.literals[i]);
        }
        List<String> prefixes = new ArrayList<>();
        List<Integer> query = new ArrayList<>();
        List<String> queryNames = model.queryNames() == null ? List.of() : model.queryNames();
        long querySlotCount =
                slots.stream().filter(s -> "query".equals(s.kind())).count();
        int whole = -1;
        for (int i = 0; i < slots.size(); i++) {
            SlotModel slot = slots.get(i);
            if ("query".equals(slot.kind())) {
                // The i-th query slot is the i-th query name (names repeat; slot names get _2, _3).
                String name = querySlotCount == queryNames.size()
                        ? queryNames.get(query.size())
                        : slot.parameter() != null ? slot.parameter() : slot.name();
                prefixes.add((prefixes.isEmpty() ? "?" : "&") + RequestText.queryName(name) + "=");
                query.add(i);
            } else if ("query_string".equals(slot.kind())) {
                whole = i;
            }
        }
        this.queryPrefixes = prefixes.toArray(new String[0]);
        this.querySlots = query.stream().mapToInt(Integer::intValue).toArray();
        this.wholeQuerySlot = whole;
        this.body = model.bodyTemplate() == null
                ? null
                : TextTemplate.parse(model.bodyTemplate(), "{{", "}}", name -> indexOf(slots, name, "body"));
    }

    private static int indexOf(List<SlotModel> slots, String name, String kind) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).name().equals(name) && kind.equals(slots.get(i).kind())) {
                return i;
            }
        }
        return -1;
    }

    /** The endpoint's number of slots. */
    int slotCount() {
        return fills.length;
    }

    /** Draws every slot's value into {@code values[0..slotCount)}. Publishing thread. */
    void draw(RandomGenerator random, TestAccount account, String[] values) {
        for (int i = 0; i < fills.length; i++) {
            values[i] = fills[i].draw(random, account);
        }
    }

    /** The path and query with {@code values} filled in. */
    String pathAndQuery(String[] values) {
        StringBuilder out = new StringBuilder(64);
        for (int i = 0; i < path.slots.length; i++) {
            out.append(path.literals[i]).append(RequestText.path(values[path.slots[i]]));
        }
        out.append(path.literals[path.slots.length]);
        if (wholeQuerySlot >= 0 && !values[wholeQuerySlot].isEmpty()) {
            out.append('?').append(RequestText.query(values[wholeQuerySlot]));
        }
        for (int i = 0; i < querySlots.length; i++) {
            out.append(queryPrefixes[i]).append(RequestText.queryValue(values[querySlots[i]]));
        }
        return out.toString();
    }

    /** The JSON body with {@code values} filled in, or null for an endpoint without a body template. */
    byte[] body(String[] values) {
        if (body == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(128);
        for (int i = 0; i < body.slots.length; i++) {
            out.append(body.literals[i]);
            String value = values[body.slots[i]];
            if (body.quoted[i]) {
                RequestText.appendJsonString(out, value);
            } else if (RequestText.isJsonLiteral(value)) {
                out.append(value);
            } else {
                out.append('"');
                RequestText.appendJsonString(out, value);
                out.append('"');
            }
        }
        out.append(body.literals[body.slots.length]);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The request for {@code values}, shaped by {@code shaper} (rewriting and marks, with {@code
     * requestNumber}'s trace), with the session's {@code Cookie} when it has one and {@code listener}
     * on the response when it is a login. Sender thread; the request is encoded once, on the heap.
     */
    RequestTemplate request(
            RequestShaper shaper, String[] values, String cookie, ResponseListener listener, long requestNumber) {
        RequestTemplate.Builder builder = shaper.start(method, pathAndQuery(values));
        byte[] content = body(values);
        if (content != null) {
            builder.header("Content-Type", "application/json").body(content);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (listener != null) {
            builder.onResponse(listener);
        }
        return shaper.finish(builder, requestNumber).buildOnce();
    }
}
