package dev.stampede.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ThreadNiceTest {

    /** The calling thread's nice value as the kernel reports it: field 19 of /proc/thread-self/stat. */
    private static int niceFromProc() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"), StandardCharsets.UTF_8);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]); // fields after the command name start at field 3
    }

    /** Runs {@code body} on a thread of its own (a raised nice cannot be lowered again without privilege). */
    private static void onOwnThread(ThrowingRunnable body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() instanceof Exception e) {
            throw e;
        } else if (failure.get() instanceof Error e) {
            throw e;
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void readsAndRaisesTheCallingThreadsNiceOnly() throws Exception {
        assertThat(ThreadNice.SYSTEM.available()).isTrue();
        int mine = niceFromProc();
        onOwnThread(() -> {
            int before = ThreadNice.SYSTEM.get();
            assertThat(before).isEqualTo(niceFromProc());
            int raised = Math.min(ThreadNice.KINDEST, before + 3);

            assertThat(ThreadNice.SYSTEM.set(raised)).isTrue();

            assertThat(niceFromProc()).isEqualTo(raised);
            assertThat(ThreadNice.SYSTEM.get()).isEqualTo(raised);
        });
        assertThat(niceFromProc()).isEqualTo(mine); // the test thread is untouched
        assertThat(ThreadNice.SYSTEM.get()).isEqualTo(mine);
    }

    @Test
    void clampsToTheKindestValue() throws Exception {
        onOwnThread(() -> {
            assertThat(ThreadNice.SYSTEM.set(100)).isTrue();
            assertThat(niceFromProc()).isEqualTo(ThreadNice.KINDEST);
        });
    }
}
