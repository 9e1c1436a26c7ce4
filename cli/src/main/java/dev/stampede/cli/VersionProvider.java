package dev.stampede.cli;

import java.util.Locale;
import picocli.CommandLine.IVersionProvider;

/** {@code stampede --version}: the version, the commit it was built from, and the JVM running it. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.load();
        return new String[] {
            "stampede " + build.version(),
            build.commitLine(),
            "java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name").toLowerCase(Locale.ROOT) + " "
                    + System.getProperty("os.arch")
        };
    }
}
