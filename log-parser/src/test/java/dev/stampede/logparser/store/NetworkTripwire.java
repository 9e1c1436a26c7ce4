package dev.stampede.logparser.store;

import dev.stampede.common.SuppressForbidden;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.SocketPermission;
import java.net.URI;
import java.net.URLPermission;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every network access a piece of code attempts: socket connects, listens and host-name
 * resolution (through a SecurityManager, on JDKs that still allow one, which includes the Java 17 the
 * build runs on) and every URL connection (through the default ProxySelector, on any JDK).
 */
final class NetworkTripwire implements AutoCloseable {

    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final ProxySelector previousProxySelector = ProxySelector.getDefault();
    private final boolean securityManagerInstalled;

    private NetworkTripwire() {
        ProxySelector.setDefault(new RecordingProxySelector());
        securityManagerInstalled = installSecurityManager();
    }

    static NetworkTripwire arm() {
        return new NetworkTripwire();
    }

    /** Every attempt seen so far, e.g. {@code connect example.com:443}. */
    List<String> attempts() {
        return List.copyOf(attempts);
    }

    /** Whether socket-level attempts are watched too (not only URL connections). */
    boolean watchesSockets() {
        return securityManagerInstalled;
    }

    @Override
    @SuppressWarnings("removal")
    @SuppressForbidden(reason = "the SecurityManager is the only JDK hook that sees every socket attempt")
    public void close() {
        if (securityManagerInstalled) {
            System.setSecurityManager(null);
        }
        ProxySelector.setDefault(previousProxySelector);
    }

    @SuppressWarnings("removal")
    @SuppressForbidden(reason = "the SecurityManager is the only JDK hook that sees every socket attempt")
    private boolean installSecurityManager() {
        try {
            System.setSecurityManager(new RecordingSecurityManager());
            return true;
        } catch (UnsupportedOperationException newerJdkWithoutSecurityManager) {
            return false;
        }
    }

    @SuppressWarnings("removal")
    @SuppressForbidden(reason = "records socket permissions; grants everything else")
    private final class RecordingSecurityManager extends SecurityManager {
        @Override
        public void checkPermission(Permission perm) {
            if (perm instanceof SocketPermission || perm instanceof URLPermission) {
                attempts.add(perm.getActions() + " " + perm.getName());
            }
        }

        @Override
        public void checkPermission(Permission perm, Object context) {
            checkPermission(perm);
        }
    }

    private final class RecordingProxySelector extends ProxySelector {
        @Override
        public List<java.net.Proxy> select(URI uri) {
            attempts.add("url " + uri);
            return List.of(java.net.Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            attempts.add("url-failed " + uri);
        }
    }
}
