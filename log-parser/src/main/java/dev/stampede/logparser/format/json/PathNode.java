package dev.stampede.logparser.format.json;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A node of the trie of mapped paths: which keys and array elements below it lead to a mapped value, and
 * whether a value here is one (its slot, and the rank of the spelling that ends here: lower wins).
 * Built once by {@link PathTrie}, then only read, by every parsing thread.
 */
final class PathNode {

    private static final PathNode[] NO_ELEMENTS = new PathNode[0];

    private final Map<String, PathNode> properties = new HashMap<>();
    private PathNode[] elements = NO_ELEMENTS;
    private int slot = -1;
    private int rank;

    /** The node for key {@code name} of an object here, or {@code null} when no path goes there. */
    PathNode property(String name) {
        return properties.isEmpty() ? null : properties.get(name);
    }

    /** The node for element {@code index} of an array here, or {@code null}. */
    PathNode element(int index) {
        return index < elements.length ? elements[index] : null;
    }

    boolean hasProperties() {
        return !properties.isEmpty();
    }

    boolean hasElements() {
        return elements.length > 0;
    }

    /** The slot a value here fills, or -1 when this node is only on the way to others. */
    int slot() {
        return slot;
    }

    int rank() {
        return rank;
    }

    PathNode propertyOrAdd(String name) {
        return properties.computeIfAbsent(name, ignored -> new PathNode());
    }

    PathNode elementOrAdd(int index) {
        if (index >= elements.length) {
            elements = Arrays.copyOf(elements, index + 1);
        }
        if (elements[index] == null) {
            elements[index] = new PathNode();
        }
        return elements[index];
    }

    /** Marks this node as the end of one spelling of the path in {@code slot}. */
    void end(int slot, int rank) {
        if (this.slot >= 0 && this.slot != slot) {
            // Two paths with the same key sequence are the same path; PathTrie gives them one slot.
            throw new IllegalStateException("a node ends two paths");
        }
        if (this.slot < 0 || rank < this.rank) {
            this.slot = slot;
            this.rank = rank;
        }
    }
}
