package dev.stampede.engine.source;

import java.util.Arrays;

/**
 * The open sessions in the order their next requests are due: a binary min-heap on ({@code dueNanos},
 * session number), so equal times come out in the order the sessions started, whatever the history
 * of the heap. Each session knows its position ({@code heapIndex}), so a session whose due time moves
 * (woken from waiting for its login) is re-placed in O(log n) without a search.
 *
 * <p>Publishing thread only. No allocation except when the array grows (doubling, up to the source's
 * cap of open sessions).
 */
final class SessionHeap {

    private ModelSession[] heap = new ModelSession[1024];
    private int size;

    int size() {
        return size;
    }

    /** The session due first, or null when none is open. */
    ModelSession peek() {
        return size == 0 ? null : heap[0];
    }

    void add(ModelSession session) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = session;
        session.heapIndex = size;
        size++;
        up(session.heapIndex);
    }

    /** Removes and returns the session due first, or null. */
    ModelSession poll() {
        if (size == 0) {
            return null;
        }
        ModelSession first = heap[0];
        size--;
        ModelSession last = heap[size];
        heap[size] = null;
        first.heapIndex = -1;
        if (size > 0) {
            heap[0] = last;
            last.heapIndex = 0;
            down(0);
        }
        return first;
    }

    /** Re-places a session in the heap after its {@code dueNanos} changed. */
    void moved(ModelSession session) {
        int at = session.heapIndex;
        if (at < 0 || at >= size || heap[at] != session) {
            throw new IllegalStateException("session " + session.number + " is not in the heap");
        }
        down(up(at));
    }

    private static boolean before(ModelSession a, ModelSession b) {
        return a.dueNanos != b.dueNanos ? a.dueNanos < b.dueNanos : a.number < b.number;
    }

    private int up(int at) {
        ModelSession moving = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(moving, heap[parent])) {
                break;
            }
            place(heap[parent], at);
            at = parent;
        }
        place(moving, at);
        return at;
    }

    private void down(int at) {
        ModelSession moving = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], moving)) {
                break;
            }
            place(heap[child], at);
            at = child;
        }
        place(moving, at);
    }

    private void place(ModelSession session, int at) {
        heap[at] = session;
        session.heapIndex = at;
    }
}
