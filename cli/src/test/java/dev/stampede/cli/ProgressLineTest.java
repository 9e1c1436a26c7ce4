package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.pipeline.ParseProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static ParseProgress at(long lines, double seconds) {
        return new ParseProgress(lines, 1_000_000, lines * 170, 340_000_000L, 170.0, seconds);
    }

    @Test
    void onATerminalOneLineIsRewrittenEverySecond() {
        StringWriter err = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(err, true), true);

        progress.accept(at(1_000_000, 1));
        progress.accept(at(2_000_000, 2));
        progress.done();

        assertThat(err.toString())
                .startsWith("\rparse:  50.0%  1,000,000 lines  1,000,000 lines/s  170.0 MB/s  1s")
                .contains("\rparse: 100.0%  2,000,000 lines")
                .endsWith(System.lineSeparator())
                .doesNotContain("\n\r");
    }

    @Test
    void elsewhereAPlainLineEveryTenSeconds() {
        StringWriter err = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(err, true), false);

        for (int second = 1; second <= 25; second++) {
            progress.accept(at(second * 10_000L, second));
        }
        progress.done();

        assertThat(err.toString().split("\\R"))
                .containsExactly(
                        "parse:   5.0%  100,000 lines  1,000,000 lines/s  170.0 MB/s  10s",
                        "parse:  10.0%  200,000 lines  1,000,000 lines/s  170.0 MB/s  20s");
    }

    @Test
    void withoutAKnownSizeThereIsNoPercentage() {
        StringWriter err = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(err, true), true);

        progress.accept(new ParseProgress(5, 5, 100, -1, 0.1, 1));

        assertThat(err.toString()).startsWith("\rparse: 5 lines");
    }
}
