package dev.stampede.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * What this build of stampede is: its version, the git commit it was built from, and the JVM flags
 * the root pom defines ({@code stampede.jvm.args}). The build writes {@code stampede-build.properties}
 * and {@code stampede-git.properties} into the jar; this class only reads them.
 */
public final class BuildInfo {

    /** The system property that keeps Chronicle from sending analytics. */
    public static final String CHRONICLE_ANALYTICS_PROPERTY = "chronicle.analytics.disable";

    private static final String UNKNOWN = "unknown";

    private final String version;
    private final String commitId;
    private final String commitTime;
    private final boolean dirty;
    private final List<String> jvmArgs;

    BuildInfo(Properties build, Properties git) {
        this.version = build.getProperty("stampede.version", UNKNOWN);
        this.jvmArgs = List.of(build.getProperty("stampede.jvm.args", "").trim().split("\\s+"));
        this.commitId = nonBlank(git.getProperty("git.commit.id"));
        this.commitTime = nonBlank(git.getProperty("git.commit.time"));
        this.dirty = Boolean.parseBoolean(git.getProperty("git.dirty"));
    }

    /** The build information packaged with these classes. */
    public static BuildInfo load() {
        return new BuildInfo(resource("/stampede-build.properties"), resource("/stampede-git.properties"));
    }

    public String version() {
        return version;
    }

    /** The full commit id, or {@code "unknown"} when the build had no git checkout. */
    public String commitId() {
        return commitId;
    }

    /** The first 12 characters of the commit id (enough to be unique in practice). */
    public String shortCommitId() {
        return commitId.length() > 12 ? commitId.substring(0, 12) : commitId;
    }

    public String commitTime() {
        return commitTime;
    }

    /** Whether the build included changes that were not committed. */
    public boolean dirty() {
        return dirty;
    }

    /** The JVM flags every stampede JVM runs with, as the root pom defines them. */
    public List<String> jvmArgs() {
        return jvmArgs;
    }

    /** One line: {@code commit 1a2b3c4d5e6f (2026-11-21T14:50:00Z, with uncommitted changes)}. */
    public String commitLine() {
        if (UNKNOWN.equals(commitId)) {
            return "commit unknown (built outside a git checkout)";
        }
        return "commit " + shortCommitId() + " (" + commitTime + (dirty ? ", with uncommitted changes" : "") + ")";
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.trim();
    }

    private static Properties resource(String name) {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the stampede jar", e);
        }
        return properties;
    }
}
