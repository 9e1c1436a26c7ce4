package dev.stampede.cli;

import dev.stampede.control.capacity.CapacityResult;
import dev.stampede.control.capacity.CapacityStep;
import dev.stampede.control.guard.GuardAction;
import dev.stampede.control.guard.GuardState;
import dev.stampede.control.guard.GuardStatus;
import dev.stampede.control.guard.SloResult;
import dev.stampede.control.profile.Rates;
import dev.stampede.engine.scenario.GuardSpec;
import dev.stampede.engine.scenario.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What {@code stampede run} prints about its guards and capacity search: live, and at the end. */
final class SupervisionLines {

    private SupervisionLines() {}

    /** The guards' states for the live line ("" without guards): each not-ok guard by name. */
    static String live(List<GuardStatus> guards) {
        if (guards.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder("  guards");
        long ok = guards.stream().filter(g -> g.state() == GuardState.OK).count();
        line.append(' ').append(ok).append('/').append(guards.size()).append(" ok");
        for (GuardStatus guard : guards) {
            if (guard.state() == GuardState.BREACHED || guard.state() == GuardState.TRIPPED) {
                line.append(", ")
                        .append(guard.name())
                        .append(' ')
                        .append(guard.state().name().toLowerCase(Locale.ROOT));
            }
        }
        return line.toString();
    }

    /**
     * One line per guard as an SLO over the whole run; a guard that judges a capacity search's steps says
     * so (its breaches are the search's bad steps, expected above the knee).
     */
    static void summary(PrintWriter out, Scenario scenario, List<SloResult> results) {
        for (SloResult slo : results) {
            boolean judgesSearch =
                    scenario.capacity() != null && scenario.capacity().judgesBy(slo.name());
            out.printf(
                    Locale.ROOT,
                    "guard %s (%s): %s, worst %s, %d %s%n",
                    slo.name(),
                    slo.slo(),
                    !slo.judged() ? "not judged (too few requests)" : slo.passed() ? "passed" : "FAILED",
                    slo.worst(),
                    slo.trips(),
                    judgesSearch
                            ? (slo.trips() == 1 ? "breach" : "breaches") + " (it judges the capacity search's steps)"
                            : slo.trips() == 1 ? "trip" : "trips");
        }
    }

    /** The capacity search's result and step table. */
    static void capacity(PrintWriter out, CapacityResult result, Path file) {
        out.println("capacity search: " + result.summary());
        out.printf(
                Locale.ROOT,
                "  %-4s %-8s %10s %10s %9s %9s %9s %7s  %s%n",
                "step",
                "phase",
                "target",
                "achieved",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "errors",
                "verdict");
        for (CapacityStep step : result.steps()) {
            out.printf(
                    Locale.ROOT,
                    "  %-4d %-8s %10s %10s %9.2f %9.2f %9.2f %6.2f%%  %s%n",
                    step.number(),
                    step.phase().toString().toLowerCase(Locale.ROOT),
                    Rates.format(step.targetRate()),
                    Rates.format(Math.round(step.achievedRate() * 100) / 100.0),
                    step.p50Nanos() / 1e6,
                    step.p99Nanos() / 1e6,
                    step.p999Nanos() / 1e6,
                    Double.isNaN(step.errorRatio()) ? 0 : step.errorRatio() * 100,
                    step.good() ? "good" : "bad: " + step.why());
        }
        out.println("  step table: " + file);
    }

    /** Why the run was aborted by a guard, or null when it was not. */
    static String aborted(Scenario scenario, List<SloResult> results) {
        for (SloResult slo : results) {
            boolean aborts = scenario.guards().stream()
                    .filter(g -> g.name().equals(slo.name()))
                    .map(GuardSpec::action)
                    .anyMatch(a -> a == GuardAction.ABORT);
            boolean judgeOnly =
                    scenario.capacity() != null && scenario.capacity().judgesBy(slo.name());
            if (aborts && !judgeOnly && slo.trips() > 0) {
                return "aborted by guard " + slo.name() + " (" + slo.slo() + ", worst " + slo.worst() + ")";
            }
        }
        return null;
    }
}
