package dev.stampede.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code report.html} in headless Chromium (Debian's {@code chromium}; skipped when no Chromium is on
 * the PATH; {@code .ci/run} installs it): the page must run without script errors and draw every chart it
 * set out to draw, with the capacity search's too. Also takes a screenshot, {@code
 * reporters/target/report-screenshot.png}, for a person to look at.
 */
class HtmlReportBrowserTest {

    /** Throughput, latency, p99 by endpoint, spectrum, errors, send lag, capacity knee. */
    private static final int CHARTS = 7;

    private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void drawsEveryChartWithoutScriptErrors() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no chromium, chromium-browser or google-chrome on the PATH");
        SyntheticResultDir.write(dir, 120);
        Path report = HtmlReport.write(dir);

        String dom = run(chromium.get(), "--dump-dom", report.toUri().toString());

        assertThat(attribute(dom, "data-script-errors")).as(scriptErrors(dom)).isEqualTo(0);
        assertThat(attribute(dom, "data-charts-expected")).isEqualTo(CHARTS);
        assertThat(attribute(dom, "data-charts-drawn")).isEqualTo(CHARTS);
        assertThat(dom)
                .contains("FAIL", "1 of 2 SLOs failed")
                .contains("GET /api/search?q=&lt;script&gt;&amp;x=1")
                .contains("ctl: rate 100 -&gt; 200 req/s")
                .contains("max sustainable rate 300 req/s");

        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        run(
                chromium.get(),
                "--screenshot=" + SCREENSHOT.toAbsolutePath(),
                "--window-size=1400,4000",
                "--hide-scrollbars",
                report.toUri().toString());
        assertThat(SCREENSHOT).exists();
        assertThat(Files.size(SCREENSHOT)).as("screenshot size").isGreaterThan(100_000);
    }

    private String run(Path chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "chromium", ".out");
        Path err = Files.createTempFile(dir, "chromium", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(err));
        }
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static int attribute(String dom, String name) {
        Matcher m = Pattern.compile("<body[^>]*\\s" + name + "=\"(\\d+)\"").matcher(dom);
        assertThat(m.find())
                .as(name + " on <body> in:\n" + dom.substring(0, Math.min(dom.length(), 2000)))
                .isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String scriptErrors(String dom) {
        Matcher m = Pattern.compile("<pre id=\"script-errors\"[^>]*>(.*?)</pre>", Pattern.DOTALL)
                .matcher(dom);
        return m.find() ? m.group(1) : "";
    }

    static Optional<Path> chromium() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
