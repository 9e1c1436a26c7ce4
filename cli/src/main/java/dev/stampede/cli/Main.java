package dev.stampede.cli;

/** The {@code stampede} entry point: runs the command line and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // Defence in depth: the launcher and the build pass -Dchronicle.analytics.disable=true, but a
        // user running the jar by hand may not. Set it before any Chronicle class can load.
        if (System.getProperty(BuildInfo.CHRONICLE_ANALYTICS_PROPERTY) == null) {
            System.setProperty(BuildInfo.CHRONICLE_ANALYTICS_PROPERTY, "true");
        }
        System.exit(Cli.standard(args).execute(args));
    }
}
