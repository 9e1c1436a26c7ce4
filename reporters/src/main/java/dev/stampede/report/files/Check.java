package dev.stampede.report.files;

import java.util.Objects;

/**
 * One pass/fail statement about a run: an SLO, "every scheduled request ended", "the generator kept its
 * schedule". What {@code junit.xml} has one test case for.
 *
 * @param group what kind of check: {@code slo} or {@code run} (a test case's class name)
 * @param name the check for people (a test case's name)
 * @param verdict how it came out
 * @param message one line saying why
 */
public record Check(String group, String name, Verdict verdict, String message) {

    /** Checks that nothing is missing. */
    public Check {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
    }
}
