package dev.stampede.model.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.model.EndpointModel;
import dev.stampede.model.SlotModel;
import dev.stampede.model.endpoint.Endpoint;
import dev.stampede.model.endpoint.Slot;
import dev.stampede.model.endpoint.SlotValues;
import dev.stampede.model.stats.BoundedSample;
import dev.stampede.model.stats.Quantiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** One endpoint's requests: count, statuses, server times, slot values and body shape. */
final class EndpointStats {

    final Endpoint endpoint;
    long count;
    private final Map<Integer, long[]> statuses = new TreeMap<>();
    private final BoundedSample serverMillis;
    private final SlotStats[] slots;
    private JsonBodyShape bodyShape;
    private final List<SlotStats> bodySlots = new ArrayList<>();
    long bodiesOfAnotherShape;
    private final RandomGenerator random;

    EndpointStats(Endpoint endpoint, RandomGenerator random) {
        this.endpoint = endpoint;
        this.random = random;
        this.serverMillis = new BoundedSample(2_000, random);
        List<Slot> list = endpoint.slots();
        this.slots = new SlotStats[list.size()];
        for (int i = 0; i < slots.length; i++) {
            Slot slot = list.get(i);
            slots[i] = new SlotStats(
                    endpoint.key() + " " + slot.name(),
                    slot.name(),
                    slot.kind().name().toLowerCase(Locale.ROOT),
                    slot.parameter(),
                    random);
        }
    }

    void add(RequestRecord record, SlotValues values) {
        count++;
        statuses.computeIfAbsent(record.status(), s -> new long[1])[0]++;
        if (record.requestTimeMicros() >= 0) {
            serverMillis.add(record.requestTimeMicros() / 1000.0);
        }
        for (int i = 0; i < slots.length && i < values.size(); i++) {
            slots[i].add(values.get(i));
        }
        ObjectNode body = JsonBodyShape.parse(record.body());
        if (body != null) {
            if (bodyShape == null) {
                bodyShape = JsonBodyShape.of(body);
                for (String path : bodyShape.paths) {
                    bodySlots.add(new SlotStats(endpoint.key() + " " + path, path, "body", path, random));
                }
            }
            List<String> bodyValues = bodyShape.values(body);
            if (bodyValues == null) {
                bodiesOfAnotherShape++;
            } else {
                for (int i = 0; i < bodyValues.size(); i++) {
                    bodySlots.get(i).add(bodyValues.get(i));
                }
            }
        }
    }

    /** Every slot's statistics, path and query first, then body. */
    List<SlotStats> allSlots() {
        List<SlotStats> all = new ArrayList<>(List.of(slots));
        all.addAll(bodySlots);
        return all;
    }

    EndpointModel model(long total, Function<SlotStats, SlotModel> slotModels) {
        Map<String, Long> statusCounts = new LinkedHashMap<>();
        statuses.forEach((status, c) -> statusCounts.put(Integer.toString(status), c[0]));
        Map<String, Double> server = null;
        if (serverMillis.count() > 0) {
            double[] sorted = serverMillis.sortedValues();
            server = new LinkedHashMap<>();
            server.put("p50", Quantiles.of(sorted, 0.50));
            server.put("p90", Quantiles.of(sorted, 0.90));
            server.put("p99", Quantiles.of(sorted, 0.99));
            server.put("max", serverMillis.max());
            server.put("mean", serverMillis.mean());
        }
        List<SlotModel> slotList = new ArrayList<>();
        for (SlotStats slot : allSlots()) {
            slotList.add(slotModels.apply(slot));
        }
        return new EndpointModel(
                endpoint.key(),
                endpoint.method(),
                endpoint.pathTemplate(),
                endpoint.queryNames(),
                count,
                total == 0 ? 0 : (double) count / total,
                statusCounts,
                server,
                bodyShape == null ? null : bodyShape.template,
                bodiesOfAnotherShape,
                slotList);
    }
}
