package dev.stampede.engine.http;

import javax.net.ssl.SSLException;

/** Words for a failed connect, for {@link RequestSender#lastConnectFailure()}. Not on the hot path. */
final class ConnectFailures {

    private ConnectFailures() {}

    /** What went wrong opening a connection to {@code target}. */
    static String describe(HttpTarget target, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        boolean tls = false;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            tls |= t instanceof SSLException;
        }
        String what =
                root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        if (root != cause && cause.getMessage() != null && !cause.getMessage().contains(what)) {
            what = cause.getMessage() + ": " + what;
        }
        return (tls ? "TLS handshake with " : "connect to ") + target + " failed: " + what;
    }
}
