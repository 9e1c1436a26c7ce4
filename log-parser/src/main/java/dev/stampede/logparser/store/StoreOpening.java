package dev.stampede.logparser.store;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.posix.PosixAPI;

/**
 * Opens a record store's Chronicle Queue on a thread of its own and writes the header there, so that a
 * parse starts meanwhile: Chronicle's first use in a JVM initialises a good deal (about 0.15 s on two
 * cores, most of a short parse's fixed cost). The writer's thread takes the queue over with {@link
 * #await()}.
 *
 * <p>Chronicle is told to use no native POSIX calls ({@link PosixAPI#useNoOpPosixApi()}): the only one
 * a record store's writing makes is {@code msync(MS_ASYNC)} on each mapped chunk it lets go, which Linux
 * treats as a no-op (dirty pages are written back either way), and binding the native library costs a
 * third of that start-up (JNR generates its call stubs, and runs {@code ldconfig -p} to find libc).
 */
final class StoreOpening {

    /** The open queue and its appender (the header written). */
    record Opened(ChronicleQueue queue, ExcerptAppender appender) {}

    private final FutureTask<Opened> task;

    private StoreOpening(FutureTask<Opened> task) {
        this.task = task;
    }

    /** Starts opening a queue in {@code directory} (which exists) and writing its first excerpt with {@code header}. */
    static StoreOpening start(Path directory, Consumer<ExcerptAppender> header) {
        FutureTask<Opened> task = new FutureTask<>(() -> {
            PosixAPI.useNoOpPosixApi();
            ChronicleQueue queue =
                    SingleChronicleQueueBuilder.single(directory.toFile()).build();
            try {
                ExcerptAppender appender = queue.createAppender();
                header.accept(appender);
                return new Opened(queue, appender);
            } catch (RuntimeException | Error e) {
                queue.close();
                throw e;
            }
        });
        Thread thread = new Thread(task, "record-store-open");
        thread.setDaemon(true);
        thread.start();
        return new StoreOpening(task);
    }

    /**
     * Waits for the queue to be open and hands its appender to the calling thread (Chronicle checks
     * that one thread uses an appender).
     *
     * @throws UncheckedIOException or another unchecked exception when the queue could not be opened
     */
    Opened await() {
        Opened opened = finished();
        opened.appender().singleThreadedCheckReset();
        return opened;
    }

    /** Closes the queue once it is open; nothing to do if opening failed. */
    void close() {
        Opened opened;
        try {
            opened = finished();
        } catch (RuntimeException | Error e) {
            return; // the failure was thrown to the writer already, or is thrown by its next write
        }
        opened.queue().close();
    }

    /** The opening's outcome, waited for without giving up on an interrupt (the queue must be closed). */
    private Opened finished() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("cannot open the record store", cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
