package dev.stampede.engine.scenario;

import java.util.List;

/**
 * A scenario that cannot run, with every problem found (not just the first): the message holds one
 * problem per line, in file order, at most {@link #MAX_SHOWN} of them and then how many more there are.
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    /** How many problems the message lists; a file with more is rarely worth reading further. */
    public static final int MAX_SHOWN = 20;

    private final transient List<Problem> problems;
    private final int omitted;

    ScenarioException(List<Problem> problems, int omitted) {
        super(message(problems, omitted, false));
        this.problems = List.copyOf(problems);
        this.omitted = omitted;
    }

    /** The problems, in file order (problems without a place in the file last); at most {@link #MAX_SHOWN}. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many further problems were found but not kept. */
    public int omitted() {
        return omitted;
    }

    /** The message with each problem's line of the file under it and a caret at the column. */
    public String annotatedMessage() {
        return message(problems, omitted, true);
    }

    private static String message(List<Problem> problems, int omitted, boolean annotated) {
        StringBuilder out = new StringBuilder();
        for (Problem problem : problems) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(annotated ? problem.annotated() : problem.toString());
        }
        if (omitted > 0) {
            out.append("\n... and ").append(omitted).append(omitted == 1 ? " more problem" : " more problems");
        }
        return out.toString();
    }
}
