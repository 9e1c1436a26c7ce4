package dev.stampede.testbed.core;

/** The core's queue is full: the request is refused (503) rather than queued without bound. */
public final class CoreBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CoreBusyException(int queueCapacity) {
        super("trading core busy: all workers occupied and " + queueCapacity + " requests queued", null, false, false);
    }
}
