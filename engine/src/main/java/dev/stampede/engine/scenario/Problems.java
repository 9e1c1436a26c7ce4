package dev.stampede.engine.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one scenario. A field gets one problem: a check whose field (or a field under
 * or above it) already has one is dropped, so a value that failed to parse is not also reported as
 * missing or out of range. That also lets a parser put a placeholder where a required value is missing
 * or broken and go on to check the rest: the placeholder's own problems are dropped, and a builder that
 * carries problems never builds.
 */
final class Problems {

    private record Found(String field, Problem problem) {}

    private static final Comparator<Problem> FILE_ORDER = Comparator.comparingInt((Problem p) -> p.line() > 0 ? 0 : 1)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    private final FieldOrigins origins;
    private final List<Found> found = new ArrayList<>();

    Problems(FieldOrigins origins) {
        this.origins = origins;
    }

    /** Problems so far, to carry to a later check. */
    List<Problem> list() {
        return found.stream().map(Found::problem).toList();
    }

    /** Fields with problems so far, parallel to {@link #list()}. */
    List<String> fields() {
        return found.stream().map(Found::field).toList();
    }

    /** Adds problems found earlier (by the file's parse), with their fields. */
    void addAll(List<String> fields, List<Problem> problems) {
        for (int i = 0; i < problems.size(); i++) {
            found.add(new Found(fields.get(i), problems.get(i)));
        }
    }

    /** These problems, with later ones placed by {@code better} (origins of the whole parsed tree). */
    Problems withOrigins(FieldOrigins better) {
        Problems moved = new Problems(better);
        moved.found.addAll(found);
        return moved;
    }

    /** A problem with the value of {@code field}, unless that field already has one. */
    void add(String field, String message) {
        if (!has(field)) {
            found.add(new Found(field, origins.problem(field, message)));
        }
    }

    /** A problem with the key {@code field} itself. */
    void addAtKey(String field, String message) {
        if (!has(field)) {
            found.add(new Found(field, origins.problemAtKey(field, message)));
        }
    }

    /** A problem at character {@code offset} of the value of {@code field}. */
    void addAt(String field, int offset, String message) {
        if (!has(field)) {
            found.add(new Found(field, origins.problemAt(field, offset, message)));
        }
    }

    /** A problem at character {@code offset} of the key {@code field}. */
    void addAtKey(String field, int offset, String message) {
        if (!has(field)) {
            found.add(new Found(field, origins.problemAtKey(field, offset, message)));
        }
    }

    /** A YAML syntax error at the place the parser named. */
    void addSyntax(Location location, String message) {
        found.add(new Found(null, origins.problemAt(location, "YAML", message)));
    }

    /** A problem at a place the YAML reader found it, with {@code field} (null: the file as a whole). */
    void addAt(Location location, String field, String message) {
        String label = field == null ? null : FieldPath.label(field);
        found.add(new Found(field, origins.problemAt(location, label, message)));
    }

    /** A problem with the file as a whole. */
    void addFile(String file, String message) {
        found.add(new Found(null, new Problem(file, 0, 0, null, message, null)));
    }

    /**
     * True when {@code field}, a field under it or a field it lies under has a problem: a value that did
     * not parse is not also missing, and nothing under a broken map is checked.
     */
    boolean has(String field) {
        for (Found f : found) {
            if (f.field() != null
                    && (FieldPath.isAtOrUnder(f.field(), field) || FieldPath.isAtOrUnder(field, f.field()))) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** All problems as one exception, in file order, at most {@link ScenarioException#MAX_SHOWN}. */
    ScenarioException exception() {
        List<Problem> sorted = new ArrayList<>(list());
        sorted.sort(FILE_ORDER);
        int shown = Math.min(sorted.size(), ScenarioException.MAX_SHOWN);
        return new ScenarioException(sorted.subList(0, shown), sorted.size() - shown);
    }
}
