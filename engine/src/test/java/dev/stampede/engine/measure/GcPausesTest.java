package dev.stampede.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;

/** GC pause sums from notifications shaped as the JVM sends them (built by hand: no real collection). */
class GcPausesTest {

    @Test
    void sumsPausesAndKeepsTheLongest() throws OpenDataException {
        GcPauses gc = GcPauses.unattached();
        gc.onNotification(notification("G1 Young Generation", 4));
        gc.onNotification(notification("G1 Young Generation", 11));
        gc.onNotification(notification("G1 Old Generation", 7));

        assertThat(gc.summary()).isEqualTo(new GcUse(3, 22, 11, true));
    }

    @Test
    void concurrentCyclesAreNotPauses() throws OpenDataException {
        GcPauses gc = GcPauses.unattached();
        gc.onNotification(notification("ZGC Cycles", 350));
        gc.onNotification(notification("ZGC Pauses", 1));
        gc.onNotification(notification("Shenandoah Cycles", 200));
        gc.onNotification(notification("G1 Concurrent GC", 40));

        assertThat(gc.summary()).isEqualTo(new GcUse(1, 1, 1, true));
    }

    @Test
    void otherNotificationsAreIgnored() throws OpenDataException {
        GcPauses gc = GcPauses.unattached();
        gc.onNotification(new Notification("jmx.attribute.change", "x", 1));
        Notification noData = new Notification(GcPauses.NOTIFICATION_TYPE, "x", 2);
        gc.onNotification(noData);

        assertThat(gc.summary()).isEqualTo(new GcUse(0, 0, 0, false));
    }

    @Test
    void watchesThisJvmAndStops() {
        try (GcPauses gc = GcPauses.watch()) {
            assertThat(gc.summary().observed()).isTrue(); // every HotSpot collector has a bean
        }
    }

    private static Notification notification(String gcName, long durationMillis) throws OpenDataException {
        CompositeType infoType = new CompositeType(
                "GcInfo", "gc info", new String[] {"duration"}, new String[] {"ms"}, new OpenType<?>[] {SimpleType.LONG
                });
        CompositeData info =
                new CompositeDataSupport(infoType, new String[] {"duration"}, new Object[] {durationMillis});
        CompositeType type = new CompositeType(
                "GarbageCollectionNotificationInfo",
                "gc",
                new String[] {"gcName", "gcAction", "gcCause", "gcInfo"},
                new String[] {"name", "action", "cause", "info"},
                new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, infoType});
        CompositeData data =
                new CompositeDataSupport(type, new String[] {"gcName", "gcAction", "gcCause", "gcInfo"}, new Object[] {
                    gcName, "end of minor GC", "G1 Evacuation Pause", info
                });
        Notification notification = new Notification(GcPauses.NOTIFICATION_TYPE, "gc", 1);
        notification.setUserData(data);
        return notification;
    }
}
