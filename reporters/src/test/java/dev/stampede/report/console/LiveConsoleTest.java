package dev.stampede.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LiveConsoleTest {

    private static ConsoleFrame frame(double elapsed, double planned, long http5xx, String guards) {
        return new ConsoleFrame(
                elapsed, planned, 2000, "req/s", 1998.4, 12, 1_200_000, 3_400_000, 9_100_000, 0, http5xx, 0, 0, 0,
                50_000, guards);
    }

    @Test
    void aLineSaysElapsedAndPlannedRatesInFlightLatencyErrorsByClassSendLagAndGuards() {
        assertThat(LiveConsole.line(frame(12.3, 90, 2, "guards 1/2 ok, p99 tripped")))
                .isEqualTo("[  12s/1m30s] 1998 req/s (target 2000 req/s)  in flight 12  p50 1.20 ms  p99 3.40 ms"
                        + "  max 9.10 ms  4xx 0 5xx 2 transport 0 timeout 0  unsent 0  send-lag p99 0.05 ms"
                        + "  guards 1/2 ok, p99 tripped");
        ConsoleFrame flatOut = new ConsoleFrame(
                5, Double.NaN, Double.NaN, "req/s", 140_000, 64, 300_000, 900_000, 2_000_000, 0, 0, 0, 0, 0, 0, "");
        assertThat(LiveConsole.line(flatOut)).startsWith("[   5s] 140000 req/s  in flight 64");
        ConsoleFrame replay =
                new ConsoleFrame(65, 3600, 1.5, "x", 812, 3, 300_000, 900_000, 2_000_000, 1, 0, 0, 0, 0, 0, "");
        assertThat(LiveConsole.line(replay)).startsWith("[  65s/1h0m] 812 req/s (target speed 1.50x)");
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlaceWithAProgressBar() {
        StringWriter out = new StringWriter();
        LiveConsole console = new LiveConsole(new PrintWriter(out), true);
        console.show(frame(15, 60, 0, ""));
        console.show(frame(30, 60, 0, ""));
        console.done();
        String text = out.toString();
        assertThat(text).startsWith("\r\033[2K[#####...............]  25% [  15s/1m]");
        assertThat(text).contains("\r\033[2K[##########..........]  50% [  30s/1m]");
        assertThat(text).endsWith(System.lineSeparator()).doesNotContain("ms" + System.lineSeparator() + "\r");
    }

    @Test
    void inACiLogItIsQuietButNeverHidesTrouble() {
        StringWriter out = new StringWriter();
        LiveConsole console = new LiveConsole(new PrintWriter(out), false);
        for (int second = 1; second <= 60; second++) {
            console.show(frame(second, 60, second == 37 ? 3 : 0, ""));
        }
        console.done();
        String[] lines = out.toString().split(System.lineSeparator());
        assertThat(out.toString()).doesNotContain("\r").doesNotContain("\033");
        // seconds 1-10, then 20, 30, 37 (errors), 40, 50, 60
        assertThat(lines).hasSize(16);
        assertThat(lines[10]).startsWith("[  20s/1m]");
        assertThat(lines[12]).startsWith("[  37s/1m]").contains("5xx 3");
        assertThat(lines[15]).startsWith("[  60s/1m]");
    }
}
