package dev.stampede.engine.source;

/**
 * A ring slot of a {@link ModelSource}: the session the request belongs to, whether it is the session's
 * login, and the slot values drawn for it (an array sized once for the model's widest endpoint and
 * reused), filled on the publishing thread and read back on the sender thread.
 */
public final class ModelSlot extends SourceSlot {

    ModelSession session;
    boolean login;
    final String[] values;

    ModelSlot(int maxSlots) {
        this.values = new String[maxSlots];
    }
}
