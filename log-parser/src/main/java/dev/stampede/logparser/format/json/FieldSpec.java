package dev.stampede.logparser.format.json;

/**
 * One entry of a field map: a record field (with its header or cookie name), the JSON path its value is
 * at, and the unit of a numeric time or duration ({@code null}: seconds for durations, guessed from the
 * magnitude for times).
 */
record FieldSpec(FieldKind kind, String name, String path, Unit unit) {

    /** The entry's key as written, e.g. {@code header.user-agent}. */
    String key() {
        return name == null ? kind.key() : kind.key() + name;
    }

    @Override
    public String toString() {
        return key() + "=" + path + (unit == null ? "" : ":" + unit.suffix());
    }
}
