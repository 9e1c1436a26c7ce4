package dev.stampede.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Chart.js, read from its WebJar ({@code org.webjars.npm:chart.js}, version pinned in the root pom) on the
 * class path, for inlining into the report: the page never fetches anything. The version is the one the
 * WebJar's own {@code pom.properties} names, so the path follows the pinned version.
 *
 * <p>Why Chart.js: uPlot (smaller and faster for long series) is not on Maven Central as a WebJar, and the
 * page needs nothing Chart.js lacks: logarithmic axes (the percentile spectrum's 1/(1-p) axis), two y axes,
 * filled bands, and plugins for event markers. It is MIT-licensed, about 200 KB minified, and draws the
 * report's 1,200-point series in a few milliseconds each.
 */
final class ChartLibrary {

    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    private static final String SCRIPT = "META-INF/resources/webjars/chart.js/%s/dist/chart.umd.min.js";

    private ChartLibrary() {}

    /** The library's version, e.g. {@code 4.5.1}. */
    static String version() {
        return Holder.VERSION;
    }

    /** The minified UMD script, safe to place inside a {@code <script>} element. */
    static String script() {
        return Holder.SCRIPT_TEXT;
    }

    private static final class Holder {
        static final String VERSION = readVersion();
        static final String SCRIPT_TEXT = readScript(VERSION);

        private static String readVersion() {
            Properties properties = new Properties();
            try (InputStream in = resource(POM_PROPERTIES)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version");
        }

        private static String readScript(String version) {
            try (InputStream in = resource(String.format(java.util.Locale.ROOT, SCRIPT, version))) {
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // No source map to look for offline; no "</script" to end the element early.
                return script.replaceAll("(?m)^//# sourceMappingURL=.*$", "").replace("</script", "<\\/script");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static InputStream resource(String name) throws IOException {
            InputStream in = ChartLibrary.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IOException(name + " is not on the class path: the Chart.js WebJar"
                        + " (org.webjars.npm:chart.js) is missing from the build");
            }
            return in;
        }
    }
}
