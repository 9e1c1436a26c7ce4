package dev.stampede.engine.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks every scenario passes before anything is sent, whether it came from a file, from flags or
 * both: required values, ranges, files that must exist, and values that must fit together. A field
 * that already has a problem (it did not parse) is not checked again.
 */
final class ScenarioValidator {

    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(60);

    private ScenarioValidator() {}

    static void check(Scenario.Builder b, Problems problems) {
        if (b.name() != null && b.name().isBlank()) {
            problems.add("name", "is empty (expected a name for the run, or leave it out)");
        }
        target(b, problems);
        Checks.positive(problems, "duration", b.duration());
        if (b.connections() < 1 || b.connections() > 65_536) {
            problems.add("connections", "must be from 1 to 65536, got " + b.connections());
        }
        Checks.positive(problems, "timeout", b.timeout());
        Checks.positive(problems, "connectTimeout", b.connectTimeout());
        if (b.interval().compareTo(MIN_INTERVAL) < 0 || b.interval().compareTo(MAX_INTERVAL) > 0) {
            problems.add("interval", "must be from 100ms to 60s, got " + DurationFormat.format(b.interval()));
        }
        Checks.positive(problems, "sendLagThreshold", b.sendLagThreshold());
        SourceValidator.check(b, problems);
        rewrite(b.rewrite(), problems);
        marks(b.marks(), problems);
        LoadValidator.check(b, problems);
        GuardsValidator.check(b, problems);
        CapacityValidator.check(b, problems);
        ProductionValidator.check(b, problems);
    }

    private static void target(Scenario.Builder b, Problems problems) {
        URI target = b.target();
        if (target == null) {
            problems.add("target", "required: where requests go (e.g. target: http://127.0.0.1:8080)");
            return;
        }
        String scheme = Checks.lower(target.getScheme());
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            problems.add("target", "must start with http:// or https://, got '" + target + "'");
        } else if (target.getRawAuthority() == null || target.getHost() == null) {
            problems.add("target", "has no valid host, got '" + target + "' (expected e.g. http://127.0.0.1:8080)");
        } else if (target.getRawUserInfo() != null) {
            problems.add("target", "must not hold user:password@ (send credentials with rewrite.headers.set)");
        } else if (target.getRawQuery() != null || target.getRawFragment() != null) {
            problems.add(
                    "target",
                    "must not have a query or fragment (a base path at most; requests come from the" + " source)");
        } else if (target.getPort() == 0 || target.getPort() > 65_535) {
            problems.add("target", "port must be from 1 to 65535, got " + target.getPort());
        }
        boolean https = Checks.isHttps(target);
        if (b.protocol() == Protocol.H2 && !https) {
            problems.add("protocol", "h2 needs an https:// target (h2c is HTTP/2 without TLS)");
        }
        if (b.protocol() == Protocol.H2C && https) {
            problems.add("protocol", "h2c is HTTP/2 without TLS and needs an http:// target (h2 is HTTP/2 over TLS)");
        }
        if (b.insecure() && !https) {
            problems.add("insecure", "only for an https:// target");
        }
        if (b.sni() != null) {
            if (!https) {
                problems.add("sni", "only for an https:// target");
            } else if (b.sni().matches("[0-9.]+") || b.sni().contains(":")) {
                problems.add("sni", "SNI name '" + b.sni() + "' is an IP address; SNI carries host names only");
            } else if (!isHostName(b.sni())) {
                problems.add("sni", "'" + b.sni() + "' is not a host name (expected e.g. trade.example.com)");
            }
        }
    }

    private static boolean isHostName(String name) {
        return !name.isEmpty()
                && name.length() <= 253
                && name.toLowerCase(Locale.ROOT)
                        .matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    }

    private static void rewrite(Rewrite r, Problems problems) {
        if (r.host() != null && (r.host().isBlank() || r.host().chars().anyMatch(c -> c <= ' ' || c == '/'))) {
            problems.add(
                    "rewrite.host",
                    "'" + r.host() + "' is not a host (expected e.g. trade.internal or" + " trade.internal:8080)");
        }
        for (Map.Entry<String, String> header : r.setHeaders().entrySet()) {
            String field = FieldPath.child("rewrite.headers.set", header.getKey());
            if (header.getKey().equalsIgnoreCase("host")) {
                problems.addAtKey(field, "set the Host header with rewrite.host");
            }
            Checks.headerName(problems, field, header.getKey());
            Checks.headerValue(problems, field, header.getValue());
        }
        List<String> remove = r.removeHeaders();
        for (int i = 0; i < remove.size(); i++) {
            if (!Checks.isToken(remove.get(i))) {
                problems.add(
                        FieldPath.item("rewrite.headers.remove", i),
                        "'" + remove.get(i) + "' is not a header name (expected letters, digits and -)");
            }
        }
        List<Rewrite.PathPrefix> prefixes = r.pathPrefixes();
        for (int i = 0; i < prefixes.size(); i++) {
            String at = FieldPath.item("rewrite.pathPrefix", i);
            prefix(problems, at + ".from", prefixes.get(i).from());
            prefix(problems, at + ".to", prefixes.get(i).to());
        }
    }

    private static void prefix(Problems problems, String field, String prefix) {
        if (!prefix.startsWith("/") || prefix.chars().anyMatch(c -> c <= ' ')) {
            problems.add(field, "must start with / and hold no spaces, got '" + prefix + "'");
        }
    }

    private static void marks(Marks m, Problems problems) {
        if (m.test() != null) {
            if (!Checks.isToken(m.test().header())) {
                problems.add(
                        "marks.test.header",
                        "'" + m.test().header() + "' is not a header name (expected letters, digits and -)");
            }
            Checks.headerValue(problems, "marks.test.value", m.test().value());
        }
        for (Map.Entry<String, String> entry : m.baggage().entrySet()) {
            String field = FieldPath.child("marks.baggage", entry.getKey());
            if (entry.getKey().equals(Marks.RUN_BAGGAGE_KEY)) {
                problems.addAtKey(field, "stampede.run is set by Stampede itself (to the run id)");
            } else if (!Checks.isToken(entry.getKey())) {
                problems.addAtKey(
                        field,
                        "'" + entry.getKey() + "' is not a baggage key (expected letters, digits," + " . and -)");
            }
            Checks.headerValue(problems, field, entry.getValue());
        }
    }
}
