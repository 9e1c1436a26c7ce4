package dev.stampede.logparser.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StringDictionaryTest {

    @Test
    void sameValueSameIdAndIdsAreDense() {
        StringDictionary dictionary = new StringDictionary(1000);
        assertThat(dictionary.idOf("GET")).isZero();
        assertThat(dictionary.idOf("POST")).isEqualTo(1);
        assertThat(dictionary.idOf(new String("GET".toCharArray()))).isZero();
        assertThat(dictionary.size()).isEqualTo(2);
        assertThat(dictionary.value(1)).isEqualTo("POST");
    }

    @Test
    void stopsGrowingAtItsBudgetAndNeverKeepsLongValues() {
        StringDictionary dictionary = new StringDictionary(10);
        assertThat(dictionary.idOf("x".repeat(StringDictionary.MAX_VALUE_CHARS + 1)))
                .isEqualTo(-1);
        assertThat(dictionary.idOf("abcdef")).isZero();
        assertThat(dictionary.idOf("ghijkl")).as("over the budget").isEqualTo(-1);
        assertThat(dictionary.idOf("mn")).as("full stays full").isEqualTo(-1);
        assertThat(dictionary.idOf("abcdef")).as("known values keep their id").isZero();
    }

    @Test
    void threadsAgreeOnIdsAndEveryPublishedIdIsDefined() throws Exception {
        StringDictionary dictionary = new StringDictionary(1 << 20);
        ConcurrentHashMap<String, Integer> seen = new ConcurrentHashMap<>();
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        String value = "v" + (i % 5000);
                        int id = dictionary.idOf(value);
                        Integer earlier = seen.putIfAbsent(value, id);
                        if ((earlier != null && earlier != id)
                                || !dictionary.value(id).equals(value)) {
                            failure.compareAndSet(null, value + " -> " + id + " and " + earlier);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(dictionary.size()).isEqualTo(5000);
    }
}
