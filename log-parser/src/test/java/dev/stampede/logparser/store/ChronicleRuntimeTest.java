package dev.stampede.logparser.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chronicle Queue runs in every forked test JVM the way it runs in the launcher: with the root pom's
 * flags, with analytics disabled and its analytics client absent, and without touching the network.
 */
class ChronicleRuntimeTest {

    @Test
    void analyticsAreDisabledInThisJvm() {
        assertThat(System.getProperty("chronicle.analytics.disable")).isEqualTo("true");
    }

    @Test
    void chroniclesAnalyticsClientIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("net.openhft.chronicle.analytics.Analytics"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void everyOpenAndExportFromThePomReachedThisJvm() {
        List<String> flags = pomJvmFlags();
        Module unnamed = ChronicleRuntimeTest.class.getModule();

        assertThat(flags).contains("-Dchronicle.analytics.disable=true");
        assertThat(flags).anyMatch(f -> f.startsWith("--add-opens="));
        for (String flag : flags) {
            if (flag.startsWith("--add-opens=") || flag.startsWith("--add-exports=")) {
                String[] moduleAndPackage = flag.substring(flag.indexOf('=') + 1, flag.lastIndexOf('='))
                        .split("/");
                Module module =
                        ModuleLayer.boot().findModule(moduleAndPackage[0]).orElseThrow();
                boolean granted = flag.startsWith("--add-opens=")
                        ? module.isOpen(moduleAndPackage[1], unnamed)
                        : module.isExported(moduleAndPackage[1], unnamed);
                assertThat(granted).as(flag).isTrue();
            }
        }
    }

    @Test
    void queueRoundTripMakesNoNetworkAttempt(@TempDir Path dir) {
        List<String> attempts;
        boolean socketsWatched;
        try (NetworkTripwire tripwire = NetworkTripwire.arm()) {
            try (ChronicleQueue queue =
                    SingleChronicleQueueBuilder.single(dir.toFile()).build()) {
                ExcerptAppender appender = queue.createAppender();
                appender.writeText("GET /api/quote/600519");
                appender.writeText("POST /api/ipo/subscribe");

                ExcerptTailer tailer = queue.createTailer();
                assertThat(tailer.readText()).isEqualTo("GET /api/quote/600519");
                assertThat(tailer.readText()).isEqualTo("POST /api/ipo/subscribe");
                assertThat(tailer.readText()).isNull();
            }
            attempts = tripwire.attempts();
            socketsWatched = tripwire.watchesSockets();
        }

        assertThat(attempts)
                .as("network attempts during a Chronicle Queue round trip")
                .isEmpty();
        if (Runtime.version().feature() == 17) {
            assertThat(socketsWatched)
                    .as("the build's JDK must allow the socket-level tripwire")
                    .isTrue();
        }
    }

    @Test
    void tripwireSeesAnAttemptWhenOneIsMade() throws Exception {
        try (NetworkTripwire tripwire = NetworkTripwire.arm()) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", 9), 200);
            } catch (java.io.IOException refusedOrTimedOut) {
                // the attempt is what matters, not whether anything listens on the discard port
            }
            assertThat(tripwire.attempts()).anyMatch(a -> a.contains("127.0.0.1:9"));
        }
    }

    private static List<String> pomJvmFlags() {
        String flags = System.getProperty("stampede.jvm.args");
        assertThat(flags).as("Surefire passes the root pom's stampede.jvm.args").isNotBlank();
        return Arrays.asList(flags.trim().split("\\s+"));
    }
}
