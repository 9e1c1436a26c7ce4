package dev.stampede.engine.scenario;

import java.util.Map;

/** Checks a source's values: files that must exist, ranges, choices that fit the kind of source. */
final class SourceValidator {

    private SourceValidator() {}

    static void check(Scenario.Builder b, Problems problems) {
        SourceSpec source = b.source();
        if (source == null) {
            problems.add("source", "required: one of replay, model or url");
        } else if (source instanceof ReplaySource replay) {
            replay(replay, b, problems);
        } else if (source instanceof ModelSource model) {
            model(model, b, problems);
        } else if (source instanceof UrlSource url) {
            url(url, b, problems);
        }
    }

    private static void replay(ReplaySource r, Scenario.Builder b, Problems problems) {
        String at = "source.replay.";
        Checks.directory(problems, at + "store", r.store(), "a record store directory, as stampede parse -o writes it");
        if (!(r.speed() > 0) || Double.isInfinite(r.speed())) {
            problems.add(at + "speed", "must be above 0, got " + Checks.number(r.speed()));
        }
        if (r.window() instanceof ReplayWindow.Between between
                && !between.from().isBefore(between.to())) {
            problems.add(at + "window.to", "must be after from (" + between.from() + "), got " + between.to());
        }
        if (r.window() instanceof ReplayWindow.Peak peak) {
            Checks.modelDirectory(problems, at + "peakModel", peak.modelDir());
        }
        for (Multiplier m : r.multipliers()) {
            if (!(m.factor() >= 0) || Double.isInfinite(m.factor())) {
                problems.add(
                        FieldPath.child(at + "multipliers", m.pattern().pattern()),
                        "must be 0 or more (0 drops the endpoint), got " + Checks.number(m.factor()));
            }
        }
        if (r.loops() < 1) {
            problems.add(at + "loop", "must be 1 or more, got " + r.loops() + " (or forever)");
        }
        if (r.amplify() < 1) {
            problems.add(at + "amplify", "must be 1 or more, got " + r.amplify());
        }
        Checks.file(problems, at + "testAccounts", r.testAccounts(), "a CSV of test accounts");
        if (r.loopsForever() && b.duration() == null && !b.load().ends()) {
            problems.add("duration", "required when source.replay.loop is forever (e.g. duration: 1h)");
        }
    }

    private static void model(ModelSource m, Scenario.Builder b, Problems problems) {
        Checks.modelDirectory(problems, "source.model.dir", m.dir());
        Checks.rate(problems, "source.model.rate", m.ratePerSec());
        if (m.arrivals() != Arrivals.POISSON && m.arrivals() != Arrivals.UNIFORM) {
            problems.add(
                    "source.model.arrivals",
                    m.arrivals().word() + " is not for a model (expected poisson or" + " uniform)");
        }
        Checks.file(problems, "source.model.testAccounts", m.testAccounts(), "a CSV of test accounts");
        if (b.duration() == null && !b.load().ends()) {
            problems.add("duration", "required for a model source (e.g. duration: 10m)");
        }
    }

    private static void url(UrlSource u, Scenario.Builder b, Problems problems) {
        if (!Checks.isToken(u.method())) {
            problems.add("source.url.method", "'" + u.method() + "' is not an HTTP method (expected e.g. GET or POST)");
        }
        if (!u.path().startsWith("/") || u.path().chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            problems.add("source.url.path", "must start with / and hold no spaces, got '" + u.path() + "'");
        }
        for (Map.Entry<String, String> header : u.headers().entrySet()) {
            String field = FieldPath.child("source.url.headers", header.getKey());
            Checks.headerName(problems, field, header.getKey());
            Checks.headerValue(problems, field, header.getValue());
        }
        if (!u.flatOut()) {
            Checks.rate(problems, "source.url.rate", u.ratePerSec());
        }
        if (u.arrivals() != Arrivals.CONSTANT && u.arrivals() != Arrivals.POISSON) {
            problems.add(
                    "source.url.arrivals",
                    u.arrivals().word() + " is not for a url source (expected constant or" + " poisson)");
        }
        if (b.duration() == null && !b.load().ends()) {
            problems.add("duration", "required for a url source (e.g. duration: 30s)");
        }
    }
}
