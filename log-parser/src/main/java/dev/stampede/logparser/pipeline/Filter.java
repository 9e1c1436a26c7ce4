package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.RequestRecord;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A user filter: records it matches are skipped (counted under its name, not written). */
public interface Filter {

    /** Name in summaries, e.g. {@code static-assets}. */
    String name();

    /** Whether {@code record} is skipped. Called from parse workers: must be thread-safe. */
    boolean skips(RequestRecord record);

    /** Images, scripts, stylesheets, fonts, source maps: what a CDN serves and load tests leave out. */
    static Filter staticAssets() {
        Set<String> extensions = Set.of(
                "css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "avif", "woff", "woff2",
                "ttf", "eot", "otf", "mp4", "webm", "mp3");
        return new Filter() {
            @Override
            public String name() {
                return "static-assets";
            }

            @Override
            public boolean skips(RequestRecord record) {
                String path = record.path();
                int dot = path == null ? -1 : path.lastIndexOf('.');
                return dot > path.lastIndexOf('/')
                        && extensions.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
            }
        };
    }

    /** Load-balancer and orchestrator probes: /health, /healthz, /ready, /readyz, /live, /livez, /ping, /metrics. */
    static Filter healthChecks() {
        Set<String> paths = Set.of(
                "/health",
                "/healthz",
                "/ready",
                "/readyz",
                "/live",
                "/livez",
                "/ping",
                "/metrics",
                "/status",
                "/actuator/health");
        return new Filter() {
            @Override
            public String name() {
                return "health-checks";
            }

            @Override
            public boolean skips(RequestRecord record) {
                return paths.contains(record.path());
            }
        };
    }

    /** Paths matching {@code regex} (searched, not anchored). */
    static Filter pathMatching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new Filter() {
            @Override
            public String name() {
                return "path=" + regex;
            }

            @Override
            public boolean skips(RequestRecord record) {
                return record.path() != null && pattern.matcher(record.path()).find();
            }
        };
    }

    /** Records starting before {@code fromMicros} or at/after {@code toMicros} (epoch µs; either may be unbounded). */
    static Filter outside(long fromMicros, long toMicros) {
        return new Filter() {
            @Override
            public String name() {
                return "time-window";
            }

            @Override
            public boolean skips(RequestRecord record) {
                return record.startMicros() < fromMicros || record.startMicros() >= toMicros;
            }
        };
    }
}
