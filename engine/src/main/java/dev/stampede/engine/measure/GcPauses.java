package dev.stampede.engine.measure;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the JVM's garbage collections from {@link #watch()} to {@link #close()} through the standard
 * collection notifications of the {@link GarbageCollectorMXBean}s, and sums their pauses ({@link
 * #summary()}). Only stop-the-world pauses count: the beans of concurrent collectors that report whole
 * cycles (names with {@code Cycles} or {@code Concurrent}, e.g. ZGC's and Shenandoah's) are left out,
 * their {@code Pauses} beans counted.
 *
 * <p>The notification's fields are read from its {@link CompositeData} by name, so no JDK-specific
 * class is needed. Notifications arrive on a JMX service thread; the sums are guarded by this object's
 * lock, off the hot path.
 */
public final class GcPauses implements AutoCloseable {

    /** The notification type the JVM sends at the end of each collection. */
    static final String NOTIFICATION_TYPE = "com.sun.management.gc.notification";

    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> onNotification(notification);
    private long pauses;
    private long totalMillis;
    private long maxMillis;
    private boolean observed;

    private GcPauses() {}

    /** Starts watching this JVM's collections. */
    public static GcPauses watch() {
        GcPauses gc = new GcPauses();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gc.listener, null, null);
                gc.emitters.add(emitter);
            }
        }
        return gc;
    }

    /** A watcher fed by hand ({@link #onNotification}), for tests. */
    static GcPauses unattached() {
        return new GcPauses();
    }

    void onNotification(Notification notification) {
        if (!NOTIFICATION_TYPE.equals(notification.getType())
                || !(notification.getUserData() instanceof CompositeData data)
                || !(field(data, "gcName") instanceof String name)
                || !(field(data, "gcInfo") instanceof CompositeData info)
                || !(field(info, "duration") instanceof Long durationMillis)) {
            return;
        }
        onCollection(name, durationMillis);
    }

    synchronized void onCollection(String collectorName, long durationMillis) {
        observed = true;
        if (collectorName.contains("Cycles") || collectorName.contains("Concurrent")) {
            return; // a concurrent cycle, not a pause
        }
        pauses++;
        totalMillis += durationMillis;
        maxMillis = Math.max(maxMillis, durationMillis);
    }

    private static Object field(CompositeData data, String key) {
        return data.containsKey(key) ? data.get(key) : null;
    }

    /**
     * The pauses so far. {@code observed} is true once a collection was reported, or when collectors
     * could be watched at all (a run without a collection had no pause, which is a figure, not a gap).
     */
    public synchronized GcUse summary() {
        return new GcUse(pauses, totalMillis, maxMillis, observed || !emitters.isEmpty());
    }

    /** Stops watching. */
    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        }
    }
}
