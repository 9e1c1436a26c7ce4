package dev.stampede.engine.pipeline;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calling thread's nice value (its scheduling priority among normal threads, -20 to 19), read and
 * set through the C library's {@code getpriority}/{@code setpriority} on the thread's own id (Linux keeps
 * a nice value per thread). Raising one's own nice needs no privilege. Where this is not Linux, or the C
 * library cannot be reached, {@link #available()} is false and nothing changes.
 *
 * <p>Threading: every method acts on the thread that calls it.
 */
final class ThreadNice implements IntervalThreadPriority.Nice {

    /** The one instance: the calling thread's nice, through the C library. */
    static final ThreadNice SYSTEM = new ThreadNice();

    /** The highest (kindest) nice value. */
    static final int KINDEST = 19;

    private static final int PRIO_PROCESS = 0; // with a thread id as "who": that one thread
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final LibC LIBC = load();

    /** The two functions, from the C library. */
    interface LibC extends Library {
        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);
    }

    private ThreadNice() {}

    private static LibC load() {
        if (!System.getProperty("os.name", "").startsWith("Linux") || !Files.isSymbolicLink(THREAD_SELF)) {
            return null;
        }
        try {
            return Native.load("c", LibC.class);
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** Whether nice values can be read and set here. */
    @Override
    public boolean available() {
        return LIBC != null;
    }

    /**
     * The calling thread's nice value.
     *
     * @throws IllegalStateException when it cannot be read (see {@link #available()})
     */
    @Override
    public int get() {
        int tid = threadId();
        Native.setLastError(0);
        int nice = LIBC.getpriority(PRIO_PROCESS, tid);
        if (nice == -1 && Native.getLastError() != 0) { // -1 is also a nice value: errno tells them apart
            throw new IllegalStateException(
                    "getpriority failed for thread " + tid + ": errno " + Native.getLastError());
        }
        return nice;
    }

    /**
     * Sets the calling thread's nice value (clamped to -20..19); whether the system accepted it (lowering
     * it below the current value needs a privilege).
     */
    @Override
    public boolean set(int nice) {
        if (LIBC == null) {
            return false;
        }
        return LIBC.setpriority(PRIO_PROCESS, threadId(), Math.max(-20, Math.min(KINDEST, nice))) == 0;
    }

    /** The calling thread's kernel id: {@code /proc/thread-self} links to {@code PID/task/TID}. */
    private static int threadId() {
        if (LIBC == null) {
            throw new IllegalStateException("thread nice values are not available here");
        }
        try {
            return Integer.parseInt(
                    Files.readSymbolicLink(THREAD_SELF).getFileName().toString());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the thread id from " + THREAD_SELF, e);
        }
    }
}
