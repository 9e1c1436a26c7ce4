package dev.stampede.engine.scenario;

/** A place in the scenario file: 1-based line and column, as the YAML parser reports them. */
record Location(int line, int column) {

    /** The top of the file, where problems with the file as a whole point. */
    static final Location START = new Location(1, 1);
}
