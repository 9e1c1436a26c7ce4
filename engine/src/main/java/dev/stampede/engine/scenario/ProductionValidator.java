package dev.stampede.engine.scenario;

import dev.stampede.control.guard.GuardAction;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The safety rules of a production drill ({@code mode: production} or {@code --production}): it refuses
 * to start unless the target is in the scenario's allowlist, the traffic carries the test mark, a
 * ceiling ({@code load.maxRate}) caps every rate, and at least one guard aborts the run. An allowlist
 * given outside production is enforced too.
 *
 * <p>An allowlist entry is a URL ({@code https://trade.example.com:8443/api}: scheme, host and port must
 * be the target's, and the target's path must start with the entry's) or a {@code host} or {@code
 * host:port} (any scheme; without a port, any port). Host names compare without case; nothing is
 * resolved (an IP and a name for it are different entries).
 */
final class ProductionValidator {

    private ProductionValidator() {}

    static void check(Scenario.Builder b, Problems problems) {
        List<String> allowlist = b.allowlist();
        for (int i = 0; i < allowlist.size(); i++) {
            if (allowlist.get(i).isBlank()) {
                problems.add(FieldPath.item("allowlist", i), "is empty (expected a URL or host[:port])");
            }
        }
        URI target = b.target();
        if (target != null && target.getHost() != null && !allowlist.isEmpty() && !allowed(target, allowlist)) {
            problems.add("target", target + " is not in the allowlist (" + String.join(", ", allowlist) + ")");
        }
        if (!b.production()) {
            return;
        }
        if (allowlist.isEmpty()) {
            problems.add("allowlist", "required in production: the targets this drill may reach");
        }
        if (b.marks().test() == null) {
            problems.add("marks.test", "required in production: the chain must tell drill traffic from real traffic");
        }
        if (!b.load().hasCeiling()) {
            problems.add("load.maxRate", "required in production: the most any profile or live change may ask for");
        }
        if (b.guards().stream().noneMatch(g -> g.action() == GuardAction.ABORT)) {
            problems.add("guards", "required in production: at least one guard with action abort");
        }
    }

    /** Whether {@code target} matches an entry of {@code allowlist}. */
    static boolean allowed(URI target, List<String> allowlist) {
        for (String entry : allowlist) {
            if (matches(target, entry.strip())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(URI target, String entry) {
        String host = target.getHost().toLowerCase(Locale.ROOT);
        int port = portOf(target.getScheme(), target.getPort());
        if (entry.contains("://")) {
            URI allowed;
            try {
                allowed = URI.create(entry);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (allowed.getHost() == null || !allowed.getHost().equalsIgnoreCase(host)) {
                return false;
            }
            if (!allowed.getScheme().equalsIgnoreCase(target.getScheme())
                    || portOf(allowed.getScheme(), allowed.getPort()) != port) {
                return false;
            }
            String prefix = allowed.getRawPath() == null ? "" : allowed.getRawPath();
            String path = target.getRawPath() == null ? "" : target.getRawPath();
            return prefix.isEmpty()
                    || prefix.equals("/")
                    || path.equals(prefix)
                    || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }
        int colon = entry.lastIndexOf(':');
        if (colon > 0 && entry.indexOf(':') == colon) { // host:port (one colon: not an IPv6 address)
            return entry.substring(0, colon).equalsIgnoreCase(host)
                    && entry.substring(colon + 1).equals(Integer.toString(port));
        }
        return entry.replace("[", "")
                .replace("]", "")
                .equalsIgnoreCase(host.replace("[", "").replace("]", ""));
    }

    private static int portOf(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
