package dev.stampede.model.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlotTableTest {

    @Test
    void agreesWithAHashMapUnderRandomTakeOvers() {
        SplittableRandom random = new SplittableRandom(9);
        for (int capacity : new int[] {1, 2, 3, 7, 64}) {
            String[] values = new String[capacity];
            SlotTable table = new SlotTable(values);
            Map<String, Integer> reference = new HashMap<>();
            for (int step = 0; step < 20_000; step++) {
                String value = "v" + random.nextInt(capacity * 3);
                assertThat(table.find(value)).isEqualTo(reference.getOrDefault(value, -1));
                if (reference.containsKey(value)) {
                    continue;
                }
                int slot = reference.size() < capacity ? reference.size() : random.nextInt(capacity);
                if (values[slot] != null) {
                    table.remove(values[slot]);
                    reference.remove(values[slot]);
                }
                values[slot] = value;
                table.insert(slot);
                reference.put(value, slot);
            }
            reference.forEach((value, slot) -> assertThat(table.find(value)).isEqualTo(slot));
        }
    }
}
