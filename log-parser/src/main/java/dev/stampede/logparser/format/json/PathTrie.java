package dev.stampede.logparser.format.json;

import java.util.ArrayList;
import java.util.List;

/**
 * The mapped paths of a format compiled into one trie, so that a line is read in one streaming pass that
 * skips every subtree no path goes into. Each distinct path gets a slot, where its value lands.
 */
final class PathTrie {

    private final PathNode root = new PathNode();
    private final List<String> paths = new ArrayList<>();

    /**
     * The slot of {@code path}, adding it (and all its spellings, see {@link JsonPath#spellings}) if new.
     *
     * @throws IllegalArgumentException when the path does not parse
     */
    int add(String path) {
        int existing = paths.indexOf(path);
        if (existing >= 0) {
            return existing;
        }
        List<List<JsonPath.Step>> spellings = JsonPath.spellings(path);
        int slot = paths.size();
        paths.add(path);
        for (int rank = 0; rank < spellings.size(); rank++) {
            PathNode node = root;
            for (JsonPath.Step step : spellings.get(rank)) {
                node = node.propertyOrAdd(step.key());
                for (int index : step.indices()) {
                    node = node.elementOrAdd(index);
                }
            }
            node.end(slot, rank);
        }
        return slot;
    }

    PathNode root() {
        return root;
    }

    /** How many slots (distinct paths) there are. */
    int slots() {
        return paths.size();
    }

    /** The path of {@code slot}, as written in the spec. */
    String path(int slot) {
        return paths.get(slot);
    }
}
